"""A portal login as the tenant's vault holds it: `portal.<portal>.username`, `.password` and, optionally, `.totp_seed`.

Only bots and workers read these; a TOTP seed, when present, is used without asking anyone.
"""

from __future__ import annotations

from bots.credentials import PortalCredentials
from domain.bots.errors import BotsErrorCode
from domain.errors import DomainError
from tenants.errors import TenantError
from tenants.vault import VaultKeys, reveal_secret


def secret_names(portal: str) -> dict[str, str]:
    return {part: f"portal.{portal}.{part}" for part in ("username", "password", "totp_seed")}


async def portal_credentials(*, keys: VaultKeys, portal: str) -> PortalCredentials:
    """The current tenant's login for `portal`; DomainError CREDENTIALS_MISSING names what the vault lacks."""
    names = secret_names(portal)
    values: dict[str, str | None] = {}
    for part, name in names.items():
        try:
            values[part] = await reveal_secret(keys=keys, name=name)
        except TenantError:
            values[part] = None
    missing = [names[part] for part in ("username", "password") if not values[part]]
    if missing:
        raise DomainError(BotsErrorCode.CREDENTIALS_MISSING, f"the vault holds no {' or '.join(missing)}", field="bot")
    return PortalCredentials(username=values["username"] or "", password=values["password"] or "", totp_seed=values["totp_seed"])
