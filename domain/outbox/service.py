"""Recording domain events. Only domain services call this, inside their own transaction."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from opentelemetry import propagate
from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from domain.outbox.models import OutboxEvent
from tenants.ownership import create_owned, scoped


async def record_event(*, event_type: str, payload: dict[str, Any], idempotency_key: str | None = None) -> OutboxEvent:
    """Write `event_type` to the outbox of the current tenant; the relay publishes it after commit."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return await create_owned(
        OutboxEvent,
        event_type=event_type,
        payload=payload,
        idempotency_key=idempotency_key or f"{event_type}:{uuid.uuid4()}",
        trace_context=carrier,
    )


async def record_event_once(*, event_type: str, payload: dict[str, Any], idempotency_key: str) -> OutboxEvent | None:
    """Record `event_type` unless an event with `idempotency_key` was ever recorded (then None)."""
    if await scoped(OutboxEvent).filter(idempotency_key=idempotency_key).exists():
        return None
    try:
        async with in_transaction():  # a savepoint: losing a race to another recorder is fine
            return await record_event(event_type=event_type, payload=payload, idempotency_key=idempotency_key)
    except IntegrityError:
        return None


@dataclass(frozen=True)
class Snapshot:
    """Which transactions had committed when a PostgreSQL snapshot was taken (`pg_current_snapshot()`)."""

    xmin: int  # every transaction below this had ended
    xmax: int  # none from this on had ended
    running: frozenset[int]  # those in between still running

    @classmethod
    def parse(cls, text: str) -> Snapshot:
        xmin, xmax, running = text.split(":")
        return cls(int(xmin), int(xmax), frozenset(int(xid) for xid in running.split(",") if xid))

    def showed(self, transaction: int) -> bool:
        """Whether `transaction` had committed (or aborted) when the snapshot was taken."""
        return transaction < self.xmin or (transaction < self.xmax and transaction not in self.running)


@dataclass(frozen=True)
class EventCursor:
    """A reader's place in the tenant's event stream, in commit order: after the event at `position`
    (`position_txn`, `position_seq`), skipping any event `history` shows committed before the reader began."""

    position: tuple[int, int]
    history: Snapshot | None = None  # PostgreSQL, until the reader is past every transaction it covers


@dataclass(frozen=True)
class EventBatch:
    events: list[OutboxEvent]
    cursor: EventCursor  # where to read on from: past `events` and past the history skipped


async def stream_position() -> EventCursor:
    """Where the current tenant's event stream ends now: reading on from here gives what commits later."""
    if current_dialect() == "postgres":
        # Every transaction below the snapshot's xmin has ended, so reading on from there, minus what
        # the snapshot already shows committed, leaves out exactly the history and nothing in flight.
        started = Snapshot.parse(await _scalar("SELECT pg_current_snapshot()::text"))
        return EventCursor(position=(started.xmin, 0), history=started)
    last = await scoped(OutboxEvent).order_by("-position_txn", "-position_seq").first()
    return EventCursor(position=(last.position_txn, last.position_seq) if last else (0, 0))


async def events_after(*, cursor: EventCursor, event_types: Collection[str], limit: int = 100) -> EventBatch:
    """The current tenant's events of `event_types` committed after `cursor`, in commit order.

    Nothing is delivered out of order or twice, and nothing is skipped: on PostgreSQL only events of
    transactions below the visibility horizon (the oldest transaction still running) are read, and
    no transaction that could still commit a lower position is below it. On SQLite positions are
    taken under the single writer's lock, so a committed event never has a lower one still to come.
    The horizon is server-wide: a long write transaction anywhere on the server delays delivery
    until it ends (it never loses an event). Catching up after a push notification is this same read.
    """
    query = scoped(OutboxEvent).filter(event_type__in=list(event_types))
    if current_dialect() == "postgres":
        horizon = int(await _scalar("SELECT pg_snapshot_xmin(pg_current_snapshot())::text"))
        query = query.filter(position_txn__lt=horizon)
    txn, seq = cursor.position
    query = query.filter(Q(position_txn__gt=txn) | Q(position_txn=txn, position_seq__gt=seq))
    read = await query.order_by("position_txn", "position_seq").limit(limit)
    if not read:
        return EventBatch(events=[], cursor=cursor)
    history = cursor.history
    events = [event for event in read if history is None or not history.showed(event.position_txn)]
    position = (read[-1].position_txn, read[-1].position_seq)
    if history is not None and position[0] >= history.xmax:
        history = None  # nothing from here on can be older than the reader
    return EventBatch(events=events, cursor=EventCursor(position=position, history=history))


async def _scalar(sql: str) -> str:
    _, rows = await connections.get("default").execute_query(sql)
    return next(iter(rows[0].values()))


async def pending_events(*, limit: int = 100) -> list[OutboxEvent]:
    """The current tenant's unpublished events in stream order; on PostgreSQL locked against other relays.

    Unpublished is what the relay goes by (not the stream position): an event that commits late is
    simply pending until the next pass finds it.
    """
    query = (
        scoped(OutboxEvent).filter(published_at__isnull=True).order_by("position_txn", "position_seq").limit(limit)
    )
    if current_dialect() == "postgres":
        query = query.select_for_update(skip_locked=True)
    return await query


async def mark_published(*, event: OutboxEvent) -> None:
    event.published_at = datetime.now(UTC)
    event.publish_attempts += 1
    event.last_error = None
    await event.save(update_fields=["published_at", "publish_attempts", "last_error", "updated_at"])


async def mark_publish_failed(*, event: OutboxEvent, error: str) -> None:
    """The broker refused or did not answer: the event stays pending for the next pass."""
    event.publish_attempts += 1
    event.last_error = error[:2000]
    await event.save(update_fields=["publish_attempts", "last_error", "updated_at"])


async def oldest_pending_age_seconds() -> float | None:
    """How long the current tenant's oldest unpublished event has waited (None: nothing waits)."""
    oldest = await scoped(OutboxEvent).filter(published_at__isnull=True).order_by("created_at").first()
    return (datetime.now(UTC) - oldest.created_at).total_seconds() if oldest else None


def current_dialect() -> str:
    return connections.get("default").capabilities.dialect
