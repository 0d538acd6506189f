"""Recording domain events. Only domain services call this, inside their own transaction."""

from __future__ import annotations

import uuid
from typing import Any

from opentelemetry import propagate

from domain.outbox.models import OutboxEvent
from tenants.ownership import create_owned


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
