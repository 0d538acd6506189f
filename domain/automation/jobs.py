"""Job records: what the tenant sees of each message, from enqueue to its final outcome."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain.automation.errors import AutomationErrorCode
from domain.automation.events import JOB_UPDATED
from domain.automation.models import Job, JobStatus
from domain.errors import DomainError
from domain.outbox import record_event
from tenants.ownership import create_owned, scoped

ERROR_TEXT_MAX = 2000


def jobs(
    *,
    status: JobStatus | None = None,
    actor: str | None = None,
    queue: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> QuerySet[Job]:
    """The current tenant's jobs, newest first, optionally of one status, actor or queue, enqueued in [since, until)."""
    query = scoped(Job)
    if status is not None:
        query = query.filter(status=status)
    if actor is not None:
        query = query.filter(actor=actor)
    if queue is not None:
        query = query.filter(queue=queue)
    if since is not None:
        query = query.filter(created_at__gte=since)
    if until is not None:
        query = query.filter(created_at__lt=until)
    return query.order_by("-created_at", "-id")


async def get_job(*, job_id: uuid.UUID) -> Job | None:
    return await scoped(Job).get_or_none(id=job_id)


async def record_job(
    *, message_id: str, actor: str, queue: str, idempotency_key: str, args: list[Any], kwargs: dict[str, Any], trace_id: str | None
) -> Job:
    """The job of a message, created by whichever side sees it first (the sender or the worker)."""
    existing = await scoped(Job).get_or_none(message_id=message_id)
    if existing is not None:
        return existing
    try:
        async with in_transaction():  # a savepoint: losing the race to the other side is fine
            job = await create_owned(
                Job, message_id=message_id, actor=actor, queue=queue, idempotency_key=idempotency_key, args=args,
                kwargs=kwargs, trace_id=trace_id,
            )
    except IntegrityError:
        return await scoped(Job).get(message_id=message_id)
    await _announce(job)
    return job


async def mark_running(*, message_id: str) -> None:
    await _change(message_id, status=JobStatus.RUNNING, started_at=datetime.now(UTC), count_attempt=True)


async def mark_succeeded(*, message_id: str) -> None:
    await _change(message_id, status=JobStatus.SUCCEEDED, finished_at=datetime.now(UTC), last_error=None)


async def mark_retrying(*, message_id: str, error: str) -> None:
    await _change(message_id, status=JobStatus.RETRYING, last_error=error[:ERROR_TEXT_MAX])


async def mark_failed(*, message_id: str, error: str) -> None:
    """Retries are spent: the message is in the dead-letter queue until someone re-drives it."""
    await _change(message_id, status=JobStatus.FAILED, finished_at=datetime.now(UTC), last_error=error[:ERROR_TEXT_MAX])


async def take_for_retry(*, job_id: uuid.UUID) -> Job:
    """A failed job, marked queued again; the caller sends it under a new message id."""
    job = await get_job(job_id=job_id)
    if job is None:
        raise DomainError(AutomationErrorCode.NOT_FOUND, "job not found", field="id")
    if job.status is not JobStatus.FAILED:
        raise DomainError(AutomationErrorCode.JOB_NOT_FAILED, f"only failed jobs can be retried; this one is {job.status}", field="id")
    job.status = JobStatus.QUEUED
    job.finished_at = None
    await job.save(update_fields=["status", "finished_at", "updated_at"])
    return job


async def assign_message(*, job: Job, message_id: str) -> None:
    job.message_id = message_id
    await job.save(update_fields=["message_id", "updated_at"])
    await _announce(job)


async def _change(message_id: str, *, count_attempt: bool = False, **values: Any) -> None:
    job = await scoped(Job).get_or_none(message_id=message_id)
    if job is None:
        return  # a message sent outside `workers.enqueue` (tests, tools): nothing to track
    for name, value in values.items():
        setattr(job, name, value)
    if count_attempt:
        job.attempts += 1
    await job.save()
    await _announce(job)


async def _announce(job: Job) -> None:
    await record_event(
        event_type=JOB_UPDATED,
        payload={"job_id": str(job.id), "actor": job.actor, "status": str(job.status), "attempts": job.attempts},
    )
