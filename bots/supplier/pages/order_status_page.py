"""An order's page at the supplier (in the content frame): its status, lines, and once invoiced the invoice."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from playwright.async_api import Download

from bots.page_object import Element, PortalPage
from bots.portal_values import read_amount


@dataclass(frozen=True)
class InvoiceLine:
    sku: str
    name: str
    quantity: int
    unit_price: Decimal
    line_total: Decimal


@dataclass(frozen=True)
class OrderStatus:
    order_number: str
    status: str  # Submitted, Confirmed, Shipped, Invoiced
    invoice_number: str | None


class OrderStatusPage(PortalPage):
    title = "supplier order details"

    order_number = Element("#status-order-number")
    status = Element("#order-status")
    invoice_number = Element("#invoice-number")
    invoice_download = Element("#invoice-download")
    lines_table = Element("#order-lines-table")

    async def check_status(self, order_number: str) -> OrderStatus:
        """Open the order's page (at this supplier, each look moves a fresh order along) and read its status."""
        await self.open(f"/orders/{order_number}")
        invoice = await self.invoice_number.text() if await self.invoice_number.is_shown() else None
        return OrderStatus(
            order_number=await self.order_number.text(), status=await self.status.text(), invoice_number=invoice
        )

    async def read_lines(self) -> list[InvoiceLine]:
        """The ordered lines; the total rows at the bottom (no SKU) are left out."""
        return [
            InvoiceLine(
                sku=cells[0],
                name=cells[1],
                quantity=int(cells[2]),
                unit_price=read_amount(cells[3], where="#order-lines-table unit price"),
                line_total=read_amount(cells[4], where="#order-lines-table line total"),
            )
            for cells in await self.lines_table.table_rows()
            if len(cells) >= 5 and cells[0]
        ]

    async def read_vat(self) -> Decimal:
        """The VAT the order's totals show (the row labelled VAT under the lines); zero when there is none."""
        for cells in await self.lines_table.table_rows():
            if len(cells) >= 5 and not cells[0] and cells[1].upper().startswith("VAT"):
                return read_amount(cells[4], where="#order-lines-table VAT")
        return Decimal(0)

    async def download_invoice(self) -> Download:
        return await self.download(self.invoice_download)
