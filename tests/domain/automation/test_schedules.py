"""Schedules: the due slot is the latest cron slot since the last run, and each slot is claimed by one caller only."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from domain.automation import schedules
from domain.automation import service as automation_service
from domain.automation.events import SCHEDULE_DUE
from domain.automation.models import Schedule, ScheduleSlot
from domain.errors import DomainError
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import scoped
from workers.scheduler import schedule_once


def test_the_due_slot_is_the_latest_since_the_last_run_and_never_the_same_twice():
    schedule = Schedule(cron="0 6 * * *", last_slot_at=datetime(2025, 3, 1, 6, tzinfo=UTC), created_at=datetime(2025, 1, 1, tzinfo=UTC))
    assert schedules.latest_due_slot(schedule, now=datetime(2025, 3, 1, 23, tzinfo=UTC)) is None
    assert schedules.latest_due_slot(schedule, now=datetime(2025, 3, 2, 6, tzinfo=UTC)) == datetime(2025, 3, 2, 6, tzinfo=UTC)
    # Down for a week: only the latest missed slot runs.
    assert schedules.latest_due_slot(schedule, now=datetime(2025, 3, 9, 7, tzinfo=UTC)) == datetime(2025, 3, 9, 6, tzinfo=UTC)


async def test_a_schedule_is_checked_when_saved(db, tenant):
    async with tenant_transaction(tenant.id):
        with pytest.raises(DomainError) as cron:
            await automation_service.create_schedule(name="x", cron="every day", job="finance.check_overdue_invoices")
        with pytest.raises(DomainError) as job:
            await automation_service.create_schedule(name="x", cron="0 6 * * *", job="finance.pay_everyone")
        with pytest.raises(DomainError) as params:
            await automation_service.create_schedule(name="x", cron="0 0 1 * *", job="finance.month_end_vat", params={"currency": "EUR"})
    assert (cron.value.field, job.value.field, params.value.field) == ("cron", "job", "params.vat_number")


def test_every_job_a_schedule_may_name_is_one_the_workers_carry_out():
    from domain.automation.scheduled_jobs import SCHEDULED_JOBS, validate_job
    from workers.automation.scheduled import JOBS

    assert set(SCHEDULED_JOBS) == set(JOBS)
    validate_job("bots.portal_canaries", {"portals": ["bank", "tax"]})
    with pytest.raises(DomainError) as portals:
        validate_job("bots.portal_canaries", {"portals": "bank"})
    assert portals.value.field == "params.portals"


async def test_two_schedulers_racing_for_the_same_slot_claim_it_once(db, tenant, capsys):
    async with tenant_transaction(tenant.id):
        schedule = await automation_service.create_schedule(name="Daily", cron="*/5 * * * *", job="finance.check_overdue_invoices")
        await scoped(Schedule).filter(id=schedule.id).update(last_slot_at=datetime.now(UTC) - timedelta(hours=1))
    claimed = await asyncio.gather(*(schedule_once(claimed_by=f"worker-{n}") for n in range(2)))
    again = await schedule_once(claimed_by="worker-2")
    async with tenant_transaction(tenant.id):
        slots = await scoped(ScheduleSlot).filter(schedule_id=schedule.id)
        due = await scoped(OutboxEvent).filter(event_type=SCHEDULE_DUE).count()
    with capsys.disabled():
        print(f"\nscheduler race: claims per runtime {sorted(claimed)}, slots {len(slots)} (by {slots[0].claimed_by}), due events {due}")
    assert sorted(claimed) == [0, 1] and again == 0
    assert len(slots) == 1 and due == 1
