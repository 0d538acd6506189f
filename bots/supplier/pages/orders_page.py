"""The supplier's order status list (in the content frame): how a retry finds an order it already placed."""

from __future__ import annotations

from dataclasses import dataclass

from bots.page_object import Element, PortalPage


@dataclass(frozen=True)
class OrderListing:
    order_number: str
    po_reference: str
    date: str  # DD.MM.YYYY as the supplier shows it
    status: str


class OrdersPage(PortalPage):
    title = "supplier order status"
    path = "/orders"

    orders_table = Element("#orders-table")

    async def find_by_po_reference(self, po_reference: str) -> OrderListing | None:
        """The newest order placed with `po_reference` (the page is already shown in the content frame)."""
        for cells in await self.orders_table.table_rows():
            if len(cells) >= 5 and cells[1] == po_reference:
                return OrderListing(order_number=cells[0], po_reference=cells[1], date=cells[2], status=cells[4])
        return None
