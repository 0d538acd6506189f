"""The supplier's confirmation that an order was received (in the content frame)."""

from __future__ import annotations

from bots.page_object import Element, PortalPage


class OrderSubmittedPage(PortalPage):
    title = "supplier order received"

    order_number = Element("#order-number")

    async def read_order_number(self) -> str:
        return await self.order_number.text()
