"""Who may log in to the sandbox portals, and the demo credentials that the demo and the tests share."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from typing import Literal

PortalName = Literal["tax", "bank", "supplier"]
PORTAL_NAMES: tuple[PortalName, ...] = ("tax", "bank", "supplier")

# Fixed on purpose: the demo, the bots' tests and these portals must all derive the same credentials.
_DEMO_CREDENTIALS_SECRET = "concord-sandbox-portals"


@dataclass(frozen=True)
class PortalAccount:
    """One login on one sandbox portal, belonging to one tenant."""

    portal: PortalName
    tenant_slug: str
    username: str
    password: str = field(repr=False)
    totp_seed: str | None = field(default=None, repr=False)  # base32, bank accounts only

    def __post_init__(self) -> None:
        if self.portal not in PORTAL_NAMES:
            raise ValueError(f"unknown portal {self.portal!r}; expected one of {', '.join(PORTAL_NAMES)}")


def demo_accounts(tenant_slugs: list[str]) -> list[PortalAccount]:
    """One account per portal per tenant, always with the same credentials for the same slug."""
    return [
        PortalAccount(
            portal=portal,
            tenant_slug=slug,
            username=f"{slug}-finance",
            password=demo_password(portal, slug),
            totp_seed=demo_totp_seed(slug) if portal == "bank" else None,
        )
        for slug in tenant_slugs
        for portal in PORTAL_NAMES
    ]


def demo_password(portal: PortalName, tenant_slug: str) -> str:
    """The demo password of a tenant on a portal, e.g. `Bank-3f9c0a61d2`."""
    return f"{portal.capitalize()}-{_digest('password', portal, tenant_slug).hex()[:10]}"


def demo_totp_seed(tenant_slug: str) -> str:
    """The tenant's fixed base32 TOTP seed (32 characters) for the bank portal."""
    return base64.b32encode(_digest("totp", tenant_slug)[:20]).decode("ascii")


def _digest(*parts: str) -> bytes:
    return hashlib.sha256("/".join((_DEMO_CREDENTIALS_SECRET, *parts)).encode()).digest()
