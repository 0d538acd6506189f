"""Page objects of the tax authority portal, one per page."""

from bots.tax.pages.filed_returns_page import FiledReturn, FiledReturnsPage
from bots.tax.pages.login_page import TaxLoginPage
from bots.tax.pages.vat_amounts_page import VatAmountsPage
from bots.tax.pages.vat_confirmation_page import Receipt, VatConfirmationPage
from bots.tax.pages.vat_period_page import VatPeriodPage
from bots.tax.pages.vat_review_page import VatReviewPage

__all__ = [
    "FiledReturn",
    "FiledReturnsPage",
    "Receipt",
    "TaxLoginPage",
    "VatAmountsPage",
    "VatConfirmationPage",
    "VatPeriodPage",
    "VatReviewPage",
]
