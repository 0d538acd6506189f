"""Re-driving a failed job: the same actor, arguments and idempotency key, under a new message id.

The job record takes the new message id in the caller's transaction; `send_redriven` sends the
message after that commits, so the worker always finds the record it updates.
"""

from __future__ import annotations

import asyncio
import time
import uuid

import dramatiq

from domain.automation import service as automation_service
from domain.automation.models import Job
from infra.settings import Settings
from tenants.context import current_tenant_id
from workers.broker import build_broker
from workers.message_options import IDEMPOTENCY_KEY, TENANT_ID

_process_broker: dramatiq.Broker | None = None


async def take_for_redrive(*, job_id: uuid.UUID) -> tuple[Job, dramatiq.Message]:
    """Mark the failed job queued again with a new message id (in the caller's transaction); the message to send."""
    job = await automation_service.take_for_retry(job_id=job_id)
    message = dramatiq.Message(
        queue_name=job.queue, actor_name=job.actor, args=tuple(job.args), kwargs=dict(job.kwargs),
        options={TENANT_ID: str(current_tenant_id()), IDEMPOTENCY_KEY: job.idempotency_key},
        message_id=str(uuid.uuid4()), message_timestamp=int(time.time() * 1000),
    )
    await automation_service.assign_message(job=job, message_id=message.message_id)
    return job, message


async def send_redriven(message: dramatiq.Message, *, settings: Settings) -> None:
    """Send a re-driven message on this process's broker (the worker's one when it runs here)."""
    await asyncio.to_thread(broker_for(settings).enqueue, message)


def broker_for(settings: Settings) -> dramatiq.Broker:
    """The broker the process's actors are bound to; an API process builds one from settings once."""
    global _process_broker
    from workers.actors.events import dispatch_event

    if dispatch_event.broker is not None and _bound_here(dispatch_event.broker):
        return dispatch_event.broker
    if _process_broker is None:
        from workers.runtime import use_broker

        _process_broker = build_broker(settings)
        use_broker(_process_broker)
    return _process_broker


def _bound_here(broker: dramatiq.Broker) -> bool:
    """Whether `broker` is one of ours (built by build_broker), not dramatiq's default."""
    from workers.middleware import TenantContext

    return any(isinstance(middleware, TenantContext) for middleware in broker.middleware)
