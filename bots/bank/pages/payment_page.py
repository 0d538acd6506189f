"""A payment's page, shown after authorising it."""

from __future__ import annotations

from dataclasses import dataclass

from bots.page_object import Element, PortalPage


@dataclass(frozen=True)
class PaymentConfirmation:
    payment_id: str
    status: str


class PaymentPage(PortalPage):
    title = "bank payment"

    payment_id = Element("#payment-id")
    status = Element("#payment-status")

    async def read_confirmation(self) -> PaymentConfirmation:
        return PaymentConfirmation(payment_id=await self.payment_id.text(), status=await self.status.text())
