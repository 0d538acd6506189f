"""The demo at `concord demo`'s default size holds what the issue promises: hundreds of customers,
thousands of invoices and stock movements, a year of ledger entries (none dated on or after the seeding day)."""

from __future__ import annotations

import inspect
from collections import Counter

from domain.finance.models import Invoice, Journal, JournalStatus
from domain.operations.models import MovementKind, StockMovement
from infra.cli.demo import demo
from infra.demo.generators.timeline import Timeline
from tenants.context import tenant_transaction
from tenants.ownership import scoped
from tests.conftest import make_tenant
from tests.infra.demo.seeding import AS_OF, seed_tenant

DEFAULT_SIZE = inspect.signature(demo).parameters["size"].default.default
# Per tenant at the default size (it makes about 1,100 of each; both demo tenants together over 2,000).
AT_LEAST_INVOICES = 1000
AT_LEAST_STOCK_MOVEMENTS = 1000


async def test_the_default_size_makes_a_thousand_invoices_and_stock_movements_and_a_year_of_ledger_up_to_yesterday(db):
    tenant = await make_tenant()
    await seed_tenant(tenant.id, key="acme", seed=7, size=DEFAULT_SIZE)
    async with tenant_transaction(tenant.id):
        invoices = await scoped(Invoice).count()
        movements = Counter(await scoped(StockMovement).values_list("kind", flat=True))
        journals = await scoped(Journal).values_list("entry_date", "status")

    assert invoices >= AT_LEAST_INVOICES
    assert sum(movements.values()) >= AT_LEAST_STOCK_MOVEMENTS
    # From operations, not only from opening stock: receipts, shipments and counts, shipments the most.
    assert movements[MovementKind.SHIPMENT] > movements[MovementKind.RECEIPT] > movements[MovementKind.ADJUSTMENT] > 0
    posted = [entry_date for entry_date, status in journals if status is JournalStatus.POSTED]
    timeline = Timeline(AS_OF)
    assert min(posted) == timeline.start
    # Every month the year touches (twelve whole ones and the two partial ends) has postings.
    assert {day.replace(day=1) for day in posted} == set(timeline.months())
    assert max(entry_date for entry_date, _ in journals) < AS_OF  # drafts too
