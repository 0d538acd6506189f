"""The bank's login: the password page, then the security-code (TOTP) page."""

from __future__ import annotations

from bots.errors import PortalAuthFailed
from bots.login_page import PortalLoginPage
from bots.page_object import Element, PortalPage


class BankLoginPage(PortalLoginPage):
    title = "bank login"


class SecurityCodePage(PortalPage):
    title = "bank security code"
    path = "/login/totp"

    code = Element("#totp")
    verify_button = Element("#verify-button")
    code_error = Element("#totp-error-message")

    async def enter_code(self, code: str) -> None:
        """Send the authenticator's 6-digit code (the browser is on this page after the password)."""
        await self.code.fill(code)
        await self.submit(self.verify_button)
        if await self.code_error.is_shown():
            raise PortalAuthFailed(f"The bank refused the security code: {await self.code_error.text()}")
