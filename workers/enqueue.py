"""Sending a job as the current tenant, with its idempotency key, and making it visible at once."""

from __future__ import annotations

import asyncio
from typing import Any

import dramatiq
from opentelemetry import trace

from domain.automation import jobs
from tenants.context import current_tenant_id
from workers.message_options import IDEMPOTENCY_KEY, TENANT_ID


async def enqueue(actor: dramatiq.Actor, *args: Any, idempotency_key: str, delay_ms: int | None = None, **kwargs: Any) -> dramatiq.Message:
    """Send `actor(*args, **kwargs)` for the current tenant; its effect is claimed once under `idempotency_key`."""
    message = actor.message_with_options(
        args=args, kwargs=kwargs, **{TENANT_ID: str(current_tenant_id()), IDEMPOTENCY_KEY: idempotency_key}
    )
    await record(message)
    return await asyncio.to_thread(actor.broker.enqueue, message, delay=delay_ms)


async def record(message: dramatiq.Message) -> None:
    context = trace.get_current_span().get_span_context()
    await jobs.record_job(
        message_id=message.message_id, actor=message.actor_name, queue=message.queue_name,
        idempotency_key=str(message.options.get(IDEMPOTENCY_KEY) or message.message_id),
        args=list(message.args), kwargs=dict(message.kwargs), trace_id=format(context.trace_id, "032x") if context.is_valid else None,
    )
