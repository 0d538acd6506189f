"""Job records: what the tenant sees of each message, from enqueue to its final outcome."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
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


@dataclass(frozen=True)
class JobAttempt:
    """What the worker knows of a job it is running, so that recording the attempt's end reads nothing."""

    job_id: uuid.UUID
    actor: str
    attempts: int


async def start_attempt(
    *, message_id: str, actor: str, queue: str, idempotency_key: str, args: list[Any], kwargs: dict[str, Any]
) -> JobAttempt:
    """The message is running: its job counts one more attempt, and is recorded now if its sender did not.

    Three statements when the sender recorded the job (the usual case): the attempt's UPDATE, the read
    of what it changed, and the event.
    """
    now = datetime.now(UTC)
    running = {"status": JobStatus.RUNNING, "started_at": now, "updated_at": now}
    if await scoped(Job).filter(message_id=message_id).update(attempts=F("attempts") + 1, **running):
        [(job_id, attempts)] = await scoped(Job).filter(message_id=message_id).values_list("id", "attempts")
        attempt = JobAttempt(job_id=job_id, actor=actor, attempts=attempts)
    else:
        attempt = await _record_running(
            message_id=message_id, actor=actor, queue=queue, idempotency_key=idempotency_key, args=args, kwargs=kwargs,
            running=running,
        )
    await _announce_attempt(attempt, JobStatus.RUNNING)
    return attempt


async def finish_attempt(attempt: JobAttempt, *, status: JobStatus, error: str | None = None) -> None:
    """The attempt ended: succeeded, retrying, or failed for good (dead-lettered). One UPDATE and the event."""
    now = datetime.now(UTC)
    values: dict[str, Any] = {"status": status, "updated_at": now, "last_error": error[:ERROR_TEXT_MAX] if error else None}
    if status is not JobStatus.RETRYING:
        values["finished_at"] = now
    await scoped(Job).filter(id=attempt.job_id).update(**values)
    await _announce_attempt(attempt, status)


async def _record_running(*, running: dict[str, Any], **job: Any) -> JobAttempt:
    try:
        async with in_transaction():  # a savepoint: the sender may record the same message at this moment
            row = await create_owned(Job, attempts=1, **running, **job)
        return JobAttempt(job_id=row.id, actor=row.actor, attempts=1)
    except IntegrityError:
        await scoped(Job).filter(message_id=job["message_id"]).update(attempts=F("attempts") + 1, **running)
        row = await scoped(Job).get(message_id=job["message_id"])
        return JobAttempt(job_id=row.id, actor=row.actor, attempts=row.attempts)


async def _announce_attempt(attempt: JobAttempt, status: JobStatus) -> None:
    await record_event(
        event_type=JOB_UPDATED,
        payload={"job_id": str(attempt.job_id), "actor": attempt.actor, "status": str(status), "attempts": attempt.attempts},
    )


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


async def _change(message_id: str, **values: Any) -> None:
    job = await scoped(Job).get_or_none(message_id=message_id)
    if job is None:
        return  # a message sent outside `workers.enqueue` (tests, tools): nothing to track
    for name, value in values.items():
        setattr(job, name, value)
    await job.save(update_fields=[*values, "updated_at"])
    await _announce(job)


async def _announce(job: Job) -> None:
    await record_event(
        event_type=JOB_UPDATED,
        payload={"job_id": str(job.id), "actor": job.actor, "status": str(job.status), "attempts": job.attempts},
    )
