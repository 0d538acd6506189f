"""On PostgreSQL the relay is woken by committed events: it visits the tenants that have something to
publish, not every tenant on every pass, and still publishes everything."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager

import pytest

import workers.outbox_relay as relay
from domain.outbox import record_event
from tenants import lifecycle
from tenants.context import tenant_transaction
from tests.conftest import make_tenant
from workers.outbox_wakeups import OutboxWakeups


@pytest.fixture(scope="module")
def test_database(postgres_database):
    return postgres_database  # LISTEN/NOTIFY is PostgreSQL's


@asynccontextmanager
async def relay_on_wakeups(db, published: list[str], visits: list):
    """The relay as a PostgreSQL worker runs it, with a sweep too far away to matter."""
    real_relay_tenant = relay._relay_tenant

    async def counted(tenant_id, publish):
        visits.append(tenant_id)
        return await real_relay_tenant(tenant_id, publish)

    relay._relay_tenant = counted
    wakeups = OutboxWakeups(db.database_url)
    wakeups.start()
    await asyncio.wait_for(wakeups.listening.wait(), 10)
    stop = asyncio.Event()
    task = asyncio.create_task(
        relay.run_relay(lambda event: published.append(event.payload["name"]), stop=stop, wakeups=wakeups, sweep_seconds=3600)
    )
    try:
        yield
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
        await wakeups.stop()
        relay._relay_tenant = real_relay_tenant


async def eventually(condition, seconds: float = 10) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("did not happen in time")


async def test_a_committed_event_wakes_the_relay_which_visits_only_its_tenant(db):
    tenants = [await make_tenant(f"Quiet {n}") for n in range(20)]
    busy = tenants[0]
    every_tenant = len(await lifecycle.active_tenant_ids())
    published: list[str] = []
    visits: list = []
    async with relay_on_wakeups(db, published, visits):
        await eventually(lambda: len(visits) >= every_tenant)  # the sweep when the relay starts
        visits.clear()
        async with tenant_transaction(busy.id):
            await record_event(event_type="test.happened", payload={"name": "woke"})
        await eventually(lambda: published == ["woke"])
        await asyncio.sleep(0.5)

    assert set(visits) == {busy.id}


async def test_an_idle_relay_does_not_visit_tenants_between_sweeps(db):
    for n in range(20):
        await make_tenant(f"Idle {n}")
    every_tenant = len(await lifecycle.active_tenant_ids())
    visits: list = []
    async with relay_on_wakeups(db, [], visits):
        await eventually(lambda: len(visits) >= every_tenant)  # the sweep when the relay starts
        await asyncio.sleep(2)

    assert len(visits) == every_tenant


async def test_an_event_of_a_tenant_created_after_the_sweep_is_published(db):
    published: list[str] = []
    async with relay_on_wakeups(db, published, []):
        await asyncio.sleep(0.5)
        newcomer = await make_tenant("Newcomer")
        async with tenant_transaction(newcomer.id):
            await record_event(event_type="test.happened", payload={"name": "new"})
        await eventually(lambda: published == ["new"])
