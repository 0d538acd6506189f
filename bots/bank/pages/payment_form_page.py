"""The bank's new-payment form."""

from __future__ import annotations

from decimal import Decimal

from bots.page_object import Element, PortalPage
from bots.portal_values import form_amount

FIELDS = (
    "payment-account",
    "beneficiary-name",
    "beneficiary-iban",
    "payment-amount",
    "payment-currency",
    "payment-reference",
)


class PaymentFormPage(PortalPage):
    title = "bank new payment"
    path = "/payments/new"

    from_account = Element("#payment-account")
    beneficiary_name = Element("#beneficiary-name")
    beneficiary_iban = Element("#beneficiary-iban")
    amount = Element("#payment-amount")
    currency = Element("#payment-currency")
    reference = Element("#payment-reference")
    continue_button = Element("#review-button")

    async def enter_payment(
        self, *, from_iban: str, beneficiary: str, iban: str, amount: Decimal, currency: str, reference: str
    ) -> str:
        """Fill in and send the form; the path of the review page the bank answers with (it names the draft)."""
        await self.open()
        await self.from_account.choose(from_iban)
        await self.beneficiary_name.fill(beneficiary)
        await self.beneficiary_iban.fill(iban)
        await self.amount.fill(form_amount(amount))
        await self.currency.choose(currency)
        await self.reference.fill(reference)
        await self.submit(self.continue_button)
        await self.reject_if_shown(*(self.element(f"#{field}-error") for field in FIELDS), what="the payment")
        return self.surface.url.removeprefix(self.base_url)
