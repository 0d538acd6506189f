"""The tax portal's list of filed VAT returns: what tells a retry that a return already went in."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bots.page_object import Element, PortalPage
from bots.portal_values import read_amount


@dataclass(frozen=True)
class FiledReturn:
    period: str
    net_payable: Decimal
    receipt_number: str
    filed_at: str


class FiledReturnsPage(PortalPage):
    title = "tax filed returns"
    path = "/vat/returns"

    returns_table = Element("#returns-table")
    no_returns_note = Element("text=No returns filed yet.")

    async def find_return(self, period: str) -> FiledReturn | None:
        """The return filed for `period`, if there is one."""
        await self.open()
        if await self.no_returns_note.is_shown():
            return None
        for cells in await self.returns_table.table_rows():
            if len(cells) >= 4 and cells[0] == period:
                net = read_amount(cells[1], where="#returns-table net payable")
                return FiledReturn(period=cells[0], net_payable=net, receipt_number=cells[2], filed_at=cells[3])
        return None
