"""Step 2 of the tax portal's VAT return: output and input VAT."""

from __future__ import annotations

from decimal import Decimal

from bots.errors import PortalRejected
from bots.page_object import Element, PortalPage
from bots.portal_values import form_amount


class VatAmountsPage(PortalPage):
    title = "tax VAT return step 2"
    path = "/vat/new/amounts"

    draft_period = Element("#draft-period")
    output_vat = Element("#vat-output")
    input_vat = Element("#vat-input")
    calculate_button = Element("#calculate-button")
    output_error = Element("#vat-output-error")
    input_error = Element("#vat-input-error")

    async def enter_amounts(self, *, period: str, output_vat: Decimal, input_vat: Decimal) -> None:
        """Fill in the amounts of the return started for `period` and let the portal calculate."""
        await self.open()
        draft_period = await self.draft_period.text()
        if draft_period != period:
            raise PortalRejected(f"The portal holds a draft return for {draft_period}, not for {period}.")
        await self.output_vat.fill(form_amount(output_vat))
        await self.input_vat.fill(form_amount(input_vat))
        await self.submit(self.calculate_button)
        await self.reject_if_shown(self.output_error, self.input_error, what="the VAT amounts")
