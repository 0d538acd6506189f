"""A subscription follows the outbox in commit order: an event whose transaction commits late is still
delivered, once, and an event committed before subscribing is not.

The out-of-order cases need two transactions open at once, which only PostgreSQL has (SQLite lets one
writer at a time, so its commits cannot overtake each other); they run on a real PostgreSQL.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from api.subscriptions.events import tenant_events
from domain.outbox import record_event
from tenants.context import tenant_transaction

TYPE = "sales.deal_stage_changed"
POLL = 0.05
# On PostgreSQL an event is streamed once every older transaction on the server has ended; on a shared
# test server another session's CREATE DATABASE or migration can hold that back for seconds.
DELIVERY_SECONDS = 30


class Subscriber:
    """A subscription's event stream, read in the background as a client would."""

    def __init__(self, tenant_id) -> None:
        self.stream: AsyncIterator = tenant_events(tenant_id, [TYPE], poll_seconds=POLL)
        self.received: list[str] = []
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._read())
        await asyncio.sleep(0.3)  # the stream has taken its place in the outbox

    async def _read(self) -> None:
        async for event in self.stream:
            self.received.append(event.payload["event"])

    async def wait_for(self, count: int, *, seconds: float = DELIVERY_SECONDS) -> list[str]:
        """What arrived once `count` events have, or when `seconds` are up; then a moment more for extras."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while len(self.received) < count and loop.time() < deadline:
            await asyncio.sleep(POLL)
        await asyncio.sleep(0.5)  # a duplicate would arrive now
        return list(self.received)

    async def stop(self) -> None:
        assert self._task is not None
        self._task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await self._task
        await self.stream.aclose()


class OpenTransaction:
    """A tenant transaction that records an event and stays open until told to commit."""

    def __init__(self, tenant_id, event: str) -> None:
        self.tenant_id, self.event = tenant_id, event
        self._recorded, self._commit = asyncio.Event(), asyncio.Event()
        self._task: asyncio.Task | None = None

    async def __aenter__(self) -> OpenTransaction:
        self._task = asyncio.create_task(self._run())
        await asyncio.wait_for(self._recorded.wait(), 5)
        return self

    async def _run(self) -> None:
        async with tenant_transaction(self.tenant_id):
            await record_event(event_type=TYPE, payload={"event": self.event})
            self._recorded.set()
            await self._commit.wait()

    async def commit(self) -> None:
        assert self._task is not None
        self._commit.set()
        await asyncio.wait_for(self._task, 5)

    async def __aexit__(self, *exc) -> None:
        if self._task is not None and not self._task.done():
            await self.commit()


async def record(tenant_id, event: str) -> None:
    async with tenant_transaction(tenant_id):
        await record_event(event_type=TYPE, payload={"event": event})


@pytest.fixture(scope="module")
def test_database(postgres_database):
    return postgres_database


async def test_an_event_whose_transaction_commits_after_a_later_one_was_streamed_is_still_delivered_once(db, tenant):
    subscriber = Subscriber(tenant.id)
    await subscriber.start()
    async with OpenTransaction(tenant.id, "A") as first:
        await record(tenant.id, "B")  # recorded after A, committed before it
        await asyncio.sleep(0.5)  # the subscriber reads while A is still uncommitted
        await first.commit()
    received = await subscriber.wait_for(2)
    await subscriber.stop()

    assert sorted(received) == ["A", "B"]


async def test_events_committed_before_subscribing_are_not_delivered_even_while_an_older_transaction_is_open(db, tenant):
    async with OpenTransaction(tenant.id, "in flight") as older:
        await record(tenant.id, "before")
        subscriber = Subscriber(tenant.id)
        await subscriber.start()
        await older.commit()  # commits after the subscription started: it is news to the subscriber
    await record(tenant.id, "after")
    received = await subscriber.wait_for(2)
    await subscriber.stop()

    assert received == ["in flight", "after"]


async def test_a_subscriber_gets_events_of_one_transaction_in_the_order_they_were_recorded(db, tenant):
    subscriber = Subscriber(tenant.id)
    await subscriber.start()
    async with tenant_transaction(tenant.id):
        for event in ("1", "2", "3", "4", "5"):
            await record_event(event_type=TYPE, payload={"event": event})
    received = await subscriber.wait_for(5)
    await subscriber.stop()

    assert received == ["1", "2", "3", "4", "5"]
