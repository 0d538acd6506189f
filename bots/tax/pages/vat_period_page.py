"""Step 1 of the tax portal's VAT return: the period and the VAT number."""

from __future__ import annotations

from bots.page_object import Element, PortalPage


class VatPeriodPage(PortalPage):
    title = "tax VAT return step 1"
    path = "/vat/new"

    period = Element("#vat-period")
    vat_number = Element("#vat-number")
    next_button = Element("#next-button")
    period_error = Element("#vat-period-error")
    vat_number_error = Element("#vat-number-error")

    async def start_return(self, *, period: str, vat_number: str) -> None:
        """Begin a return for `period`; PortalRejected with the portal's reason if it will not take it."""
        await self.open()
        await self.period.fill(period)
        await self.vat_number.fill(vat_number)
        await self.submit(self.next_button)
        await self.reject_if_shown(self.period_error, self.vat_number_error, what=f"the VAT return for {period}")
