"""The demo tenants' sandbox-portal accounts: credentials in each tenant's vault, portals on the demo server.

The portals are stored as paths (`/portals/bank`), which the bots resolve against the server's own
CONCORD_HOST and CONCORD_PORT, so the demo keeps working on another port.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from domain.automation import service as automation_service
from domain.bots import service as bots_service
from infra.portals import demo_accounts
from infra.portals.accounts import PORTAL_NAMES
from tenants.context import tenant_transaction
from tenants.vault import VaultKeys, set_secret

SANDBOX_MOUNT = "/portals"
# Every morning before the day's runs, a canary walks each portal's read-only pages (bots.portal_canaries).
CANARY_CRON = "0 6 * * *"


async def seed_demo_portals(*, tenants: Mapping[str, uuid.UUID], keys: VaultKeys) -> None:
    """For each tenant (slug -> id): its login on every sandbox portal in its vault, where each portal is, and
    the daily canary schedule that checks their layouts."""
    for slug, tenant_id in tenants.items():
        async with tenant_transaction(tenant_id):
            for account in demo_accounts([slug]):
                prefix = f"portal.{account.portal}"
                await set_secret(keys=keys, name=f"{prefix}.username", kind="other", value=account.username)
                await set_secret(keys=keys, name=f"{prefix}.password", kind="password", value=account.password)
                if account.totp_seed:
                    await set_secret(keys=keys, name=f"{prefix}.totp_seed", kind="totp_seed", value=account.totp_seed)
            for portal in PORTAL_NAMES:
                await bots_service.configure_portal(portal=portal, base_url=f"{SANDBOX_MOUNT}/{portal}")
            await automation_service.create_schedule(name="Portal canaries", cron=CANARY_CRON, job="bots.portal_canaries")
