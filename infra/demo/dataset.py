"""The demo dataset: seeded, so every run of the same size makes the same data."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from domain.crm import service as crm_service
from tenants import lifecycle as tenant_lifecycle
from tenants.context import tenant_transaction

_PREFIXES = ["Northwind", "Blue Harbor", "Summit", "Ironbridge", "Maple", "Crescent", "Atlas", "Redwood",
             "Silverline", "Oakridge", "Pioneer", "Lakeside", "Granite", "Evergreen", "Harbor", "Falcon"]
_SUFFIXES = ["Logistics", "Foods", "Engineering", "Retail", "Textiles", "Pharma", "Builders", "Media",
             "Analytics", "Motors", "Energy", "Furniture", "Labs", "Outfitters", "Supply", "Systems"]
_FORMS = ["Ltd", "GmbH", "Inc.", "S.A.", "B.V.", "AB", "Oy", "plc"]


@dataclass(frozen=True)
class DemoTenant:
    slug: str
    name: str


DEMO_TENANTS = [DemoTenant("acme", "Acme Manufacturing"), DemoTenant("globex", "Globex Trading")]


def company_name(rng: random.Random) -> str:
    return f"{rng.choice(_PREFIXES)} {rng.choice(_SUFFIXES)} {rng.choice(_FORMS)}"


async def seed_demo(*, customers_per_tenant: int, seed: int = 7, progress: Callable[[int], None] = lambda n: None) -> dict[str, str]:
    """Create the demo tenants and their data; returns each tenant's admin API key."""
    keys: dict[str, str] = {}
    for index, demo_tenant in enumerate(DEMO_TENANTS):
        created = await tenant_lifecycle.create_tenant(slug=demo_tenant.slug, name=demo_tenant.name)
        keys[demo_tenant.slug] = created.api_key
        rng = random.Random(seed * 1000 + index)
        async with tenant_transaction(created.tenant.id):
            for number in range(customers_per_tenant):
                name = company_name(rng)
                domain = name.split()[0].lower()
                await crm_service.create_customer(name=name, email=f"accounts{number}@{domain}.example")
                progress(1)
    return keys
