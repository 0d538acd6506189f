"""Domain events, published by the outbox relay, fanned out to the automations that react to them."""

from __future__ import annotations

import logging
from typing import Any

from dramatiq.middleware import CurrentMessage

from domain.automation.effects import claim_effect
from domain.outbox.models import OutboxEvent
from tenants.context import current_tenant_id, tenant_transaction
from workers.actors.tenant_actor import tenant_actor
from workers.automation.registry import handler_named, handlers_for
from workers.enqueue import enqueue
from workers.message_options import IDEMPOTENCY_KEY, TENANT_ID, TRACE_CONTEXT, idempotency_key_of

log = logging.getLogger(__name__)


@tenant_actor(queue_name="events", max_retries=10, min_backoff=500, max_backoff=60_000, max_age=86_400_000)
async def dispatch_event(event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    """One job per automation that handles `event_type`; each claims its effect once."""
    for handler in handlers_for(event_type):
        await enqueue(
            run_automation, handler.name, event_id, event_type, payload, idempotency_key=f"{event_id}:{handler.name}"
        )


@tenant_actor(queue_name="automation", max_retries=8, min_backoff=1000, max_backoff=300_000, time_limit=300_000, max_age=86_400_000)
async def run_automation(handler_name: str, event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    """Run one automation for one event, exactly once even when the message is delivered twice."""
    handler = handler_named(handler_name)
    key = idempotency_key_of(CurrentMessage.get_current_message())
    async with tenant_transaction(current_tenant_id()):
        if not await claim_effect(idempotency_key=key, actor=handler_name):
            log.info("automation already applied: skipped", extra={"automation": handler_name, "event_id": event_id})
            return
        await handler.run(event_id=event_id, event_type=event_type, payload=payload)


def publish_event(event: OutboxEvent) -> None:
    """Send one outbox event to `dispatch_event` (the relay's publish function)."""
    dispatch_event.send_with_options(
        args=(str(event.id), event.event_type, event.payload),
        **{TENANT_ID: str(event.tenant_id), TRACE_CONTEXT: event.trace_context or None, IDEMPOTENCY_KEY: event.idempotency_key},
    )
