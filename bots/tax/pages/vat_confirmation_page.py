"""The tax portal's confirmation of a filed return, with its receipt number and receipt PDF."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from playwright.async_api import Download

from bots.page_object import Element, PortalPage
from bots.portal_values import read_amount


@dataclass(frozen=True)
class Receipt:
    receipt_number: str
    net_payable: Decimal
    filed_at: str


class VatConfirmationPage(PortalPage):
    title = "tax VAT return confirmation"

    receipt_number = Element("#receipt-number")
    net_payable = Element("#confirmation-net-payable")
    filed_at = Element("#filed-at")
    receipt_download = Element("#receipt-download")

    async def read_receipt(self) -> Receipt:
        """The receipt shown on the page the browser is on (right after submitting)."""
        return Receipt(
            receipt_number=await self.receipt_number.text(),
            net_payable=read_amount(await self.net_payable.text(), where="#confirmation-net-payable"),
            filed_at=await self.filed_at.text(),
        )

    async def download_receipt(self, receipt_number: str) -> Download:
        await self.open(f"/vat/returns/{receipt_number}")
        return await self.download(self.receipt_download)
