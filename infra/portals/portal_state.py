"""What every sandbox portal keeps in memory: who may log in, the switches, the clock, the session timeout."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import ClassVar

from infra.portals.accounts import PortalAccount, PortalName
from infra.portals.clock import SandboxClock
from infra.portals.switches import Switches


class UnknownUser(LookupError):
    """The username has no account on this portal."""


class PortalState:
    """Base of each portal's state object; a portal app holds exactly one, in `app.state.portal`."""

    portal_name: ClassVar[PortalName]
    title: ClassVar[str]

    def __init__(
        self,
        accounts: Iterable[PortalAccount],
        *,
        session_timeout: float = 900,
        seed: int = 0,
        clock: SandboxClock | None = None,
    ) -> None:
        self.accounts = {account.username: account for account in accounts if account.portal == self.portal_name}
        self.session_timeout = session_timeout
        self.seed = seed
        self.clock = clock or SandboxClock()
        self.switches = Switches(seed=seed)

    @property
    def tenant_slugs(self) -> list[str]:
        """Tenants with at least one account here, in first-seen order."""
        return list(dict.fromkeys(account.tenant_slug for account in self.accounts.values()))

    def authenticate(self, username: str, password: str) -> PortalAccount | None:
        """The account when the password is right, else None."""
        account = self.accounts.get(username)
        if account is None or not secrets.compare_digest(account.password.encode(), password.encode()):
            return None
        return account

    def tenant_of(self, username: str) -> str:
        try:
            return self.accounts[username].tenant_slug
        except KeyError:
            raise UnknownUser(username) from None
