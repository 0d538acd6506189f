"""Recording domain events. Only domain services call this, inside their own transaction."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from opentelemetry import propagate
from tortoise.expressions import Q

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
