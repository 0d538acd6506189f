"""The relay publishes what is unpublished, whatever its stream position: an event whose transaction
commits after a later one was relayed is published on the next pass, and nothing is published twice."""

from __future__ import annotations

import asyncio

import pytest

from domain.outbox import record_event
from tenants.context import tenant_transaction
from workers.outbox_relay import relay_once


@pytest.fixture(scope="module")
def test_database(postgres_database):
    return postgres_database  # two transactions open at once: PostgreSQL


async def test_an_event_committed_after_a_later_one_was_relayed_is_published_on_the_next_pass(db, tenant):
    published: list[str] = []
    recorded, may_commit = asyncio.Event(), asyncio.Event()

    async def slow_transaction() -> None:
        async with tenant_transaction(tenant.id):
            await record_event(event_type="test.happened", payload={"name": "A"})
            recorded.set()
            await may_commit.wait()

    slow = asyncio.create_task(slow_transaction())
    await asyncio.wait_for(recorded.wait(), 5)
    async with tenant_transaction(tenant.id):
        await record_event(event_type="test.happened", payload={"name": "B"})
    await relay_once(lambda event: published.append(event.payload["name"]))
    may_commit.set()
    await asyncio.wait_for(slow, 5)
    await relay_once(lambda event: published.append(event.payload["name"]))
    await relay_once(lambda event: published.append(event.payload["name"]))

    assert published == ["B", "A"]
