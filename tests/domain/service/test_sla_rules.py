"""SLA arithmetic without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.service.sla import Priority, is_sla_breached, paused_until, sla_due_at, sla_remaining

OPENED = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


def test_sla_due_time_follows_priority():
    assert [sla_due_at(opened_at=OPENED, priority=p) - OPENED for p in Priority] == [
        timedelta(hours=72), timedelta(hours=24), timedelta(hours=8), timedelta(hours=4),
    ]


def test_time_paused_shifts_the_due_time():
    assert sla_due_at(opened_at=OPENED, priority=Priority.URGENT, paused=timedelta(minutes=90)) == OPENED + timedelta(hours=5, minutes=30)


def test_the_clock_stands_still_while_paused():
    due = OPENED + timedelta(hours=4)
    paused_since = OPENED + timedelta(hours=1)
    later = OPENED + timedelta(hours=10)
    assert sla_remaining(due_at=due, now=later, paused_since=paused_since) == timedelta(hours=3)
    assert not is_sla_breached(due_at=due, now=later, paused_since=paused_since)
    assert is_sla_breached(due_at=due, now=later)
    assert paused_until(paused_total=timedelta(hours=1), paused_since=paused_since, now=later) == timedelta(hours=10)
