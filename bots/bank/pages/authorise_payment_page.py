"""The bank's one-time-code page that turns a confirmed draft into a payment."""

from __future__ import annotations

from bots.page_object import Element, PortalPage


class AuthorisePaymentPage(PortalPage):
    title = "bank payment authorisation"

    code = Element("#otp-code")
    authorise_button = Element("#authorise-button")
    code_error = Element("#otp-error-message")

    async def open_draft(self, authorise_path: str) -> None:
        await self.open(authorise_path)
        await self.code.present()

    async def authorise(self, code: str) -> bool:
        """Send the one-time code; False when the bank refused the code (no payment was made then)."""
        await self.code.fill(code)
        await self.submit(self.authorise_button)
        return not await self.code_error.is_shown()
