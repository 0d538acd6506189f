"""Page objects of the bank portal, one per page."""

from bots.bank.pages.accounts_page import AccountsPage, AccountSummary
from bots.bank.pages.authorise_payment_page import AuthorisePaymentPage
from bots.bank.pages.login_page import BankLoginPage, SecurityCodePage
from bots.bank.pages.payment_form_page import PaymentFormPage
from bots.bank.pages.payment_page import PaymentConfirmation, PaymentPage
from bots.bank.pages.payment_review_page import PaymentReviewPage
from bots.bank.pages.payments_page import PaymentListing, PaymentsPage
from bots.bank.pages.statement_page import StatementPage

__all__ = [
    "AccountSummary",
    "AccountsPage",
    "AuthorisePaymentPage",
    "BankLoginPage",
    "PaymentConfirmation",
    "PaymentFormPage",
    "PaymentListing",
    "PaymentPage",
    "PaymentReviewPage",
    "PaymentsPage",
    "SecurityCodePage",
    "StatementPage",
]
