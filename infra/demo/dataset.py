"""The demo dataset: seeded, so every run of the same seed, size and day makes the same data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from domain import clock
from infra.demo.generators import AREAS, TenantPlan, generate_area, planned_units
from infra.demo.generators.timeline import Timeline
from infra.demo.portals import seed_demo_portals
from infra.settings import get_settings
from tenants import lifecycle as tenant_lifecycle
from tenants.vault import VaultKeys


@dataclass(frozen=True)
class DemoTenant:
    slug: str
    name: str
    currency: str = "EUR"
    bank_account: str = "NL91 ABNA 0417 1643 00"


DEMO_TENANTS = [
    DemoTenant("acme", "Acme Manufacturing", "EUR", "NL91 ABNA 0417 1643 00"),
    DemoTenant("globex", "Globex Trading", "GBP", "GB29 NWBK 6016 1331 9268 19"),
]


def planned_work(size: int) -> dict[str, int]:
    """The progress units `seed_demo` reports per area for `size` customers per tenant."""
    return {area: planned_units(area, size) * len(DEMO_TENANTS) for area in AREAS}


async def seed_demo(
    *,
    customers_per_tenant: int,
    seed: int = 7,
    as_of: date | None = None,
    progress: Callable[[str, int], None] = lambda area, units: None,
    vault_keys: VaultKeys | None = None,
) -> dict[str, str]:
    """Create the demo tenants and every area's data for them (area by area, reporting `progress(area, units)`),
    with sandbox-portal logins in their vaults; returns each tenant's admin API key."""
    keys: dict[str, str] = {}
    tenant_ids = {}
    plans = []
    for demo_tenant in DEMO_TENANTS:
        created = await tenant_lifecycle.create_tenant(slug=demo_tenant.slug, name=demo_tenant.name)
        keys[demo_tenant.slug] = created.api_key
        tenant_ids[demo_tenant.slug] = created.tenant.id
        plans.append(TenantPlan(created.tenant.id, demo_tenant.slug, demo_tenant.currency, demo_tenant.bank_account))
    timeline = Timeline(as_of or clock.today())
    for area in AREAS:
        for plan in plans:
            await generate_area(area, plan, seed=seed, size=customers_per_tenant, timeline=timeline, progress=progress)
    await seed_demo_portals(tenants=tenant_ids, keys=vault_keys or VaultKeys.from_settings(get_settings()))
    return keys
