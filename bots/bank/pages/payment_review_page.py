"""The bank's review of a payment draft: the bot checks what the bank understood before confirming."""

from __future__ import annotations

from decimal import Decimal

from bots.errors import PortalRejected
from bots.page_object import Element, PortalPage
from bots.portal_values import compact_iban, read_amount


class PaymentReviewPage(PortalPage):
    title = "bank payment review"

    details = Element("#payment-details")
    confirm_button = Element("#confirm-button")

    async def confirm(self, draft_path: str, *, iban: str, amount: Decimal, currency: str, reference: str) -> str:
        """Confirm the draft if the bank shows the payment as meant; the path of the authorisation page."""
        await self.open(draft_path)
        shown = {cells[0]: cells[1] for cells in await self.details.table_rows() if len(cells) >= 2}
        shown_amount, _, shown_currency = shown.get("Amount", "").partition(" ")
        mismatches = [
            label
            for label, matches in (
                ("Beneficiary IBAN", compact_iban(shown.get("Beneficiary IBAN", "")) == iban),
                ("Amount", read_amount(shown_amount or "?", where="#payment-details amount") == amount),
                ("Currency", shown_currency == currency),
                ("Reference", shown.get("Reference") == reference),
            )
            if not matches
        ]
        if mismatches:
            raise PortalRejected(
                f"The bank's review shows a different {', '.join(mismatches)}; the payment was not confirmed.",
                details={"mismatches": mismatches},
            )
        await self.submit(self.confirm_button)
        return self.surface.url.removeprefix(self.base_url)
