"""The username/password form the three portals share; each portal's login page subclasses it."""

from __future__ import annotations

from typing import ClassVar

from bots.credentials import PortalCredentials
from bots.errors import PortalAuthFailed
from bots.page_object import Element, PortalPage


class PortalLoginPage(PortalPage):
    path: ClassVar[str] = "/login"

    username = Element("#username")
    password = Element("#password")
    log_in_button = Element("#login-button")
    login_error = Element("#login-error")

    async def log_in(self, credentials: PortalCredentials) -> None:
        """Open the login page and send the credentials; PortalAuthFailed when the portal refuses them."""
        await self.open()
        await self.username.fill(credentials.username)
        await self.password.fill(credentials.password)
        await self.submit(self.log_in_button)
        if await self.login_error.is_shown():
            # The portal's own words, not the password: the message is stored with the run.
            raise PortalAuthFailed(f"The portal refused the login: {await self.login_error.text()}")
