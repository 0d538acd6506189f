"""Bots domain events. `bots.run_updated` is for subscribers only (see domain.automation.events.NOTIFICATION_ONLY)."""

from __future__ import annotations

from typing import Any

from domain.bots.models import BotRun
from domain.outbox.payloads import payload

RUN_UPDATED = "bots.run_updated"
RUN_REQUESTED = "bots.run_requested"  # a worker should take the run up
PORTAL_CHANGED = "bots.portal_changed"  # a canary found elements the bots rely on missing


def run_updated(run: BotRun, *, change: str, **details: Any) -> dict[str, Any]:
    """What changed (`state`, `step`, `artifact`, `input`) and the run's status after it."""
    return payload(
        run_id=run.id, bot=run.bot, status=run.status, change=change, error_code=run.error_code, **details
    )


def run_requested(run: BotRun) -> dict[str, Any]:
    return payload(run_id=run.id, bot=run.bot)


def portal_changed(*, portal: str, run_id: Any, missing: dict[str, list[str]], error_code: str | None) -> dict[str, Any]:
    return payload(portal=portal, run_id=run_id, missing=missing, error_code=error_code)
