"""The bank's list of payments: how the payment bot knows whether it already paid."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bots.page_object import Element, PortalPage
from bots.portal_values import compact_iban, read_amount


@dataclass(frozen=True)
class PaymentListing:
    payment_id: str
    created: str
    from_iban: str
    beneficiary: str
    beneficiary_iban: str
    amount: Decimal
    currency: str
    reference: str
    status: str


class PaymentsPage(PortalPage):
    title = "bank payments"
    path = "/payments"

    payments_table = Element("#payments-table")

    async def list_payments(self) -> list[PaymentListing]:
        """Every payment the bank shows, the newest first."""
        await self.open()
        return [
            PaymentListing(
                payment_id=cells[0],
                created=cells[1],
                from_iban=compact_iban(cells[2]),
                beneficiary=cells[3],
                beneficiary_iban=compact_iban(cells[4]),
                amount=read_amount(cells[5], where="#payments-table amount"),
                currency=cells[6],
                reference=cells[7],
                status=cells[8],
            )
            for cells in await self.payments_table.table_rows()
            if len(cells) >= 9
        ]

    async def find_by_reference_tag(self, tag: str) -> list[PaymentListing]:
        """Payments whose reference carries `tag` as a word (the bank may add or trim spaces around it)."""
        return [payment for payment in await self.list_payments() if tag in payment.reference.split()]
