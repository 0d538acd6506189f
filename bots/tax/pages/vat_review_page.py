"""The tax portal's review of a VAT return, where it is submitted."""

from __future__ import annotations

from decimal import Decimal

from bots.errors import PortalRejected
from bots.page_object import Element, PortalPage
from bots.portal_values import read_amount


class VatReviewPage(PortalPage):
    title = "tax VAT return review"
    path = "/vat/new/review"

    net_payable = Element("#vat-net-payable")
    submit_button = Element("#submit-button")

    async def check_net_payable(self, expected: Decimal) -> None:
        """Open the review and make sure the portal computed the net amount the caller expects."""
        await self.open()
        shown = read_amount(await self.net_payable.text(), where="#vat-net-payable")
        if shown != expected:
            raise PortalRejected(
                f"The portal computed a net VAT of {shown}, not {expected}; nothing was submitted.",
                details={"portal_net_payable": str(shown)},
            )

    async def submit_return(self) -> None:
        """Send the return (once sent, it cannot be changed)."""
        await self.submit(self.submit_button)
