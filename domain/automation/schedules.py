"""Schedules: cron expressions per tenant whose slots run exactly once, however many workers look.

A slot is claimed by inserting its ScheduleSlot row; the unique key (tenant, schedule, slot time)
lets one claimer win. The claim and the `automation.schedule_due` event commit together, so a
claimed slot is always announced and an announced slot was always claimed.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from croniter import croniter
from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.automation.errors import AutomationErrorCode
from domain.automation.events import SCHEDULE_DUE
from domain.automation.models import Schedule, ScheduleSlot
from domain.automation.scheduled_jobs import SCHEDULED_JOBS, validate_job
from domain.errors import DomainError
from domain.outbox import record_event
from domain.validation import required_text
from tenants.ownership import create_owned, scoped

# A worker that was down for a while runs a schedule's latest missed slot, not every one it missed.
MAX_CATCH_UP = timedelta(days=2)


def check_cron(cron: str) -> str:
    """`cron` if it is a valid five-field expression (evaluated in UTC)."""
    cron = " ".join((cron or "").split())
    if len(cron.split(" ")) != 5 or not croniter.is_valid(cron):
        raise DomainError(AutomationErrorCode.INVALID_SCHEDULE, f"{cron!r} is not a five-field cron expression (minute hour day month weekday)", field="cron")
    return cron


def list_schedules(*, enabled: bool | None = None, job: str | None = None, name_contains: str | None = None) -> QuerySet[Schedule]:
    """The tenant's schedules by name, optionally only enabled (or disabled) ones, of one job, or by part of the name.

    A job no schedule can run is refused (UNKNOWN_JOB) rather than matching nothing."""
    query = scoped(Schedule)
    if enabled is not None:
        query = query.filter(enabled=enabled)
    if job is not None:
        if job not in SCHEDULED_JOBS:
            raise DomainError(AutomationErrorCode.UNKNOWN_JOB, f"unknown job {job!r}; use one of {', '.join(SCHEDULED_JOBS)}", field="job")
        query = query.filter(job=job)
    if name_contains:
        query = query.filter(name__icontains=name_contains)
    return query.order_by("name", "id")


async def get_schedules(*, schedule_ids: list[uuid.UUID]) -> list[Schedule]:
    return await scoped(Schedule).filter(id__in=schedule_ids)


async def create_schedule(*, name: str, cron: str, job: str, params: Mapping[str, Any] | None = None) -> Schedule:
    """Save a schedule that runs `job` with `params` at every slot of `cron` (UTC) from now on."""
    name = required_text(name, field="name", max_length=120)
    cron = check_cron(cron)
    params = dict(params or {})
    validate_job(job, params)
    if await scoped(Schedule).filter(name=name).exists():
        raise DomainError(AutomationErrorCode.NAME_TAKEN, f"a schedule named {name!r} exists", field="name")
    # Slots are counted from creation: a new schedule does not run for the past.
    return await create_owned(Schedule, name=name, cron=cron, job=job, params=params, last_slot_at=clock.now())


async def set_schedule_enabled(*, schedule_id: uuid.UUID, enabled: bool) -> Schedule:
    schedule = await scoped(Schedule).get_or_none(id=schedule_id)
    if schedule is None:
        raise DomainError(AutomationErrorCode.NOT_FOUND, "schedule not found", field="id")
    schedule.enabled = enabled
    if enabled:
        schedule.last_slot_at = clock.now()  # resuming does not run the slots missed while disabled
    await schedule.save()
    return schedule


def latest_due_slot(schedule: Schedule, *, now: datetime) -> datetime | None:
    """The latest slot of `schedule` after its last run and not after `now` (None: nothing due)."""
    now = _utc(now)
    since = max(_utc(schedule.last_slot_at or schedule.created_at), now - MAX_CATCH_UP)
    # croniter treats `now` itself as a slot when it matches exactly: step past it so that slot counts.
    slot = _utc(croniter(schedule.cron, now + timedelta(microseconds=1)).get_prev(datetime))
    return slot if slot > since else None


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


async def claim_slot(*, schedule: Schedule, slot_at: datetime, claimed_by: str) -> bool:
    """True for the one caller that claims this slot; it also records the job's `automation.schedule_due`."""
    try:
        async with in_transaction():
            await create_owned(ScheduleSlot, schedule=schedule, slot_at=slot_at, claimed_by=claimed_by[:120])
            await scoped(Schedule).filter(id=schedule.id).update(last_slot_at=slot_at)
            await record_event(
                event_type=SCHEDULE_DUE,
                payload={
                    "schedule_id": str(schedule.id), "name": schedule.name, "job": schedule.job, "params": schedule.params,
                    "slot_at": slot_at.isoformat(),
                },
                idempotency_key=f"{SCHEDULE_DUE}:{schedule.id}:{slot_at.isoformat()}",
            )
    except IntegrityError:
        return False
    return True


async def claim_due_slots(*, claimed_by: str, now: datetime | None = None) -> list[tuple[Schedule, datetime]]:
    """Claim the due slot of each of the current tenant's enabled schedules; returns what this caller claimed."""
    now = now or clock.now()
    claimed: list[tuple[Schedule, datetime]] = []
    for schedule in await list_schedules(enabled=True):
        slot = latest_due_slot(schedule, now=now)
        if slot is not None and await claim_slot(schedule=schedule, slot_at=slot, claimed_by=claimed_by):
            claimed.append((schedule, slot))
    return claimed


def slots_of(*, schedule_ids: list[uuid.UUID]) -> QuerySet[ScheduleSlot]:
    """Claimed slots of these schedules, latest first."""
    return scoped(ScheduleSlot).filter(schedule_id__in=schedule_ids).order_by("schedule_id", "-slot_at")
