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
class EventCursor:
    """A position in the tenant's event stream: after this creation time, then this id."""

    created_at: datetime
    event_id: uuid.UUID


async def stream_position() -> EventCursor | None:
    """Where the current tenant's event stream ends now (None: it has no events yet)."""
    last = await scoped(OutboxEvent).order_by("-created_at", "-id").first()
    return EventCursor(created_at=last.created_at, event_id=last.id) if last else None


async def events_after(*, cursor: EventCursor | None, event_types: Collection[str], limit: int = 100) -> list[OutboxEvent]:
    """The current tenant's events of `event_types` recorded after `cursor`, oldest first."""
    query = scoped(OutboxEvent).filter(event_type__in=list(event_types))
    if cursor is not None:
        query = query.filter(
            Q(created_at__gt=cursor.created_at) | Q(created_at=cursor.created_at, id__gt=cursor.event_id)
        )
    return await query.order_by("created_at", "id").limit(limit)


async def pending_events(*, limit: int = 100) -> list[OutboxEvent]:
    """The current tenant's unpublished events, oldest first; on PostgreSQL locked against other relays."""
    query = scoped(OutboxEvent).filter(published_at__isnull=True).order_by("created_at", "id").limit(limit)
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
