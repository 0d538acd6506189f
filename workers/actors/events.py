"""Domain events, published by the outbox relay, fanned out to the automations that react to them,
and to the tenant's webhooks that rules call.

Every actor here retries with exponential backoff (min_backoff doubling up to max_backoff), gives up
on a message older than max_age, and is interrupted past time_limit. A DomainError is a business
refusal that a retry would only repeat: it fails the message at once (dead letter, job `failed`)
until a person fixes the cause and re-drives it with `retryJob`.
"""

from __future__ import annotations

import logging
from typing import Any

from dramatiq.middleware import CurrentMessage

import workers.automation.workflows  # noqa: F401 - registers every workflow with @automation
from domain.automation.effects import claim_effect
from domain.errors import DomainError
from domain.outbox.models import OutboxEvent
from tenants.context import current_tenant_id, tenant_transaction
from workers.actors.tenant_actor import tenant_actor
from workers.automation.registry import handler_named, handlers_for
from workers.automation.webhooks import post_signed
from workers.enqueue import enqueue
from workers.message_options import IDEMPOTENCY_KEY, TENANT_ID, TRACE_CONTEXT, idempotency_key_of

log = logging.getLogger(__name__)
DAY_MS = 86_400_000


@tenant_actor(queue_name="events", max_retries=10, min_backoff=500, max_backoff=60_000, max_age=DAY_MS, time_limit=60_000)
async def dispatch_event(event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    """One job per automation that handles `event_type`; each claims its effect once."""
    async with tenant_transaction(current_tenant_id()):
        for handler in handlers_for(event_type):
            await enqueue(
                run_automation, handler.name, event_id, event_type, payload, idempotency_key=f"{event_id}:{handler.name}"
            )


@tenant_actor(
    queue_name="automation", max_retries=8, min_backoff=1000, max_backoff=300_000, time_limit=300_000, max_age=DAY_MS,
    throws=(DomainError,),
)
async def run_automation(handler_name: str, event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    """Run one automation for one event, exactly once even when the message is delivered twice."""
    handler = handler_named(handler_name)
    key = idempotency_key_of(CurrentMessage.get_current_message())
    async with tenant_transaction(current_tenant_id()):
        if not await claim_effect(idempotency_key=key, actor=handler_name):
            log.info("automation already applied: skipped", extra={"automation": handler_name, "event_id": event_id})
            return
        await handler.run(event_id=event_id, event_type=event_type, payload=payload)


@tenant_actor(
    queue_name="webhooks", max_retries=12, min_backoff=2000, max_backoff=3_600_000, time_limit=30_000, max_age=3 * DAY_MS,
    throws=(DomainError,),
)
async def deliver_webhook(url: str, secret: str, body: dict[str, Any]) -> None:
    """POST `body` to `url`, signed with the vault secret `secret`; the delivery is claimed once, and the
    receiver gets the same Idempotency-Key on every attempt to drop a repeat after a lost answer."""
    key = idempotency_key_of(CurrentMessage.get_current_message())
    async with tenant_transaction(current_tenant_id()):
        # Claimed in the transaction that the POST's success commits: a failed POST releases the claim.
        if not await claim_effect(idempotency_key=key, actor="deliver_webhook"):
            log.info("webhook already delivered: skipped", extra={"idempotency_key": key})
            return
        await post_signed(url=url, secret_name=secret, body=body, idempotency_key=key)


def publish_event(event: OutboxEvent) -> None:
    """Send one outbox event to `dispatch_event` (the relay's publish function)."""
    dispatch_event.send_with_options(
        args=(str(event.id), event.event_type, event.payload),
        **{TENANT_ID: str(event.tenant_id), TRACE_CONTEXT: event.trace_context or None, IDEMPOTENCY_KEY: event.idempotency_key},
    )
