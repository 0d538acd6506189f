"""`seed_demo`: both demo tenants get every area's data, area by area, with each area's progress reported in full."""

from __future__ import annotations

from collections import Counter

from infra.demo.dataset import DEMO_TENANTS, planned_work, seed_demo
from tenants import lifecycle as tenant_lifecycle
from tests.infra.demo.seeding import AREA_TABLES, AS_OF, fingerprint

SIZE = 12


async def test_both_demo_tenants_get_every_area_with_the_progress_of_each_area_reported(db):
    reported: Counter[str] = Counter()
    order: list[str] = []

    def progress(area: str, units: int) -> None:
        reported[area] += units
        if not order or order[-1] != area:
            order.append(area)

    keys = await seed_demo(customers_per_tenant=SIZE, as_of=AS_OF, progress=progress)

    assert sorted(keys) == sorted(tenant.slug for tenant in DEMO_TENANTS)
    assert reported == planned_work(SIZE)
    assert order == list(planned_work(SIZE))  # one area after the other, both tenants each time
    for demo_tenant in DEMO_TENANTS:
        tenant = await tenant_lifecycle.get_tenant_by_slug(slug=demo_tenant.slug)
        rows = (await fingerprint(tenant.id))["rows"]
        assert rows["crm_customers"] == SIZE
        assert all(rows[table] for tables in AREA_TABLES.values() for table in tables)
