"""The tenant's events as a stream a subscription can iterate: read from the outbox, polled.

Reading the transactional outbox means a subscriber sees exactly the committed events of its
tenant, in commit order, from any API process, whatever the broker. The stream resumes from the
last position read (never a timestamp), so an event whose transaction commits late is still
delivered, and none twice. Each poll is a short transaction under the tenant's row-level security;
no transaction stays open while a subscriber waits.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Collection

from domain import outbox
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction

POLL_SECONDS = 0.5


async def tenant_events(
    tenant_id: uuid.UUID, event_types: Collection[str], *, poll_seconds: float = POLL_SECONDS
) -> AsyncIterator[OutboxEvent]:
    """Events of `event_types` the tenant records from now on, as they commit."""

    async def start() -> outbox.EventCursor:
        async with tenant_transaction(tenant_id):
            return await outbox.stream_position()

    async def read(cursor: outbox.EventCursor) -> outbox.EventBatch:
        async with tenant_transaction(tenant_id):
            return await outbox.events_after(cursor=cursor, event_types=event_types)

    # Each read is shielded: a subscriber that goes away cancels the stream, and a transaction cut
    # off half-way can leave Tortoise's SQLite connection lock taken (the read is short).
    cursor = await asyncio.shield(start())
    while True:
        batch = await asyncio.shield(read(cursor))
        moved_on = batch.cursor != cursor
        cursor = batch.cursor
        for event in batch.events:
            yield event
        if not moved_on:
            await asyncio.sleep(poll_seconds)
