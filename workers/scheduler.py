"""The scheduler: each pass claims the due slot of every active tenant's schedules.

A claimed slot records `automation.schedule_due` in the claim's transaction; the relay publishes it
and the `automation.run_scheduled_job` automation runs the job, once. Several processes may run
this loop: the slot's unique key lets exactly one of them claim it.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from domain.automation import schedules
from tenants import lifecycle
from tenants.context import tenant_transaction

log = logging.getLogger(__name__)


async def schedule_once(*, claimed_by: str, now: datetime | None = None) -> int:
    """One pass over every active tenant; returns how many slots this caller claimed."""
    claimed = 0
    for tenant_id in await lifecycle.active_tenant_ids():
        async with tenant_transaction(tenant_id):
            for schedule, slot in await schedules.claim_due_slots(claimed_by=claimed_by, now=now):
                log.info("schedule slot claimed", extra={"schedule": schedule.name, "job": schedule.job, "slot_at": slot.isoformat()})
                claimed += 1
    return claimed


async def run_scheduler(*, stop: asyncio.Event, claimed_by: str, interval_seconds: float = 15.0) -> None:
    """Claim due slots every `interval_seconds` until `stop` is set."""
    while not stop.is_set():
        try:
            await schedule_once(claimed_by=claimed_by)
        except Exception:  # a database hiccup must not end the scheduler
            log.exception("scheduler pass failed")
        try:
            await asyncio.wait_for(stop.wait(), interval_seconds)
        except TimeoutError:
            pass
