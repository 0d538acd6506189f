"""The demo at `concord demo`'s default size holds what the issue promises: a year of ledger entries,
none dated on or after the seeding day."""

from __future__ import annotations

import inspect
from domain.finance.models import Journal, JournalStatus
from infra.cli.demo import demo
from infra.demo.generators.timeline import Timeline
from tenants.context import tenant_transaction
from tenants.ownership import scoped
from tests.conftest import make_tenant
from tests.infra.demo.seeding import AS_OF, seed_tenant

DEFAULT_SIZE = inspect.signature(demo).parameters["size"].default.default


async def test_the_default_size_posts_a_ledger_over_twelve_months_and_nothing_dated_from_the_seeding_day_on(db):
    tenant = await make_tenant()
    await seed_tenant(tenant.id, key="acme", seed=7, size=DEFAULT_SIZE)
    async with tenant_transaction(tenant.id):
        journals = await scoped(Journal).values_list("entry_date", "status")

    posted = [entry_date for entry_date, status in journals if status is JournalStatus.POSTED]
    timeline = Timeline(AS_OF)
    assert min(posted) == timeline.start
    # Every month the year touches (twelve whole ones and the two partial ends) has postings.
    assert {day.replace(day=1) for day in posted} == set(timeline.months())
    assert max(entry_date for entry_date, _ in journals) < AS_OF  # drafts too
