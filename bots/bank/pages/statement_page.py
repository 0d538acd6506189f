"""An account's statement: the date filter, the transaction count and the CSV download."""

from __future__ import annotations

import re
from datetime import date

from playwright.async_api import Download

from bots.errors import PortalLayoutChanged
from bots.page_object import Element, PortalPage

_TRANSACTION_COUNT = re.compile(r"\((\d+) transactions?\)")


class StatementPage(PortalPage):
    title = "bank statement"

    date_from = Element("#date-from")
    date_to = Element("#date-to")
    filter_button = Element("#filter-button")
    date_from_error = Element("#date-from-error")
    date_to_error = Element("#date-to-error")
    page_info = Element("#page-info")
    csv_download = Element("#statement-download")

    async def show_period(self, iban: str, *, date_from: date, date_to: date) -> int:
        """Filter the account's statement to the dates (both inclusive); how many transactions it then holds."""
        await self.open(f"/accounts/{iban}/statement")
        await self.date_from.fill(date_from.isoformat())
        await self.date_to.fill(date_to.isoformat())
        await self.submit(self.filter_button)
        await self.reject_if_shown(self.date_from_error, self.date_to_error, what="the statement dates")
        info = await self.page_info.text()
        match = _TRANSACTION_COUNT.search(info)
        if match is None:
            raise PortalLayoutChanged(
                "#page-info", page=self.title, message=f"#page-info reads {info!r}, without a count."
            )
        return int(match.group(1))

    async def download_csv(self) -> Download:
        return await self.download(self.csv_download)
