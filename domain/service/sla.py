"""SLA arithmetic, free of I/O: a due time from the priority, shifted by the time spent waiting on the customer."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


# Time to resolve, in calendar hours, per priority.
SLA_TARGETS: dict[Priority, timedelta] = {
    Priority.URGENT: timedelta(hours=4),
    Priority.HIGH: timedelta(hours=8),
    Priority.NORMAL: timedelta(hours=24),
    Priority.LOW: timedelta(hours=72),
}


def sla_due_at(*, opened_at: datetime, priority: Priority, paused: timedelta = timedelta(0)) -> datetime:
    """When a ticket opened at `opened_at` must be resolved: the priority's target after opening,
    plus all the time its clock was paused."""
    return opened_at + SLA_TARGETS[Priority(priority)] + paused


def paused_until(*, paused_total: timedelta, paused_since: datetime | None, now: datetime) -> timedelta:
    """The total paused time as of `now`, counting a pause still running."""
    return paused_total + (now - paused_since if paused_since is not None else timedelta(0))


def sla_remaining(*, due_at: datetime, now: datetime, paused_since: datetime | None = None) -> timedelta:
    """Time left until `due_at` (negative once breached). While paused the clock stands still at
    what was left when the pause began."""
    return due_at - (paused_since if paused_since is not None else now)


def is_sla_breached(*, due_at: datetime, now: datetime, paused_since: datetime | None = None) -> bool:
    """Whether the due time has passed on the ticket's running clock."""
    return sla_remaining(due_at=due_at, now=now, paused_since=paused_since) < timedelta(0)
