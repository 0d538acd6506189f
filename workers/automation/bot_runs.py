"""Starting a bot run from an automation, through the bots area's own entry point (`startBotRun`'s).

The run is recorded in the automation's transaction and announced with `bots.run_requested`; the
bots worker takes it from there. When the run cannot start (the portal is not configured, another
run is making the same write), the request becomes a work item for a person instead, saying why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from bots.persisted.start import start_bot_run
from domain.automation import service as automation_service
from domain.errors import DomainError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BotRequest:
    run_id: str | None  # the BotRun started, or
    work_item_id: str | None  # the work item left for a person
    reason: str | None = None


async def request_bot_run(*, bot: str, params: dict[str, Any], started_by: str, subject_key: str, title: str) -> BotRequest:
    """Start a run of `bot`, or leave a work item for a person saying why it could not start."""
    try:
        async with in_transaction():  # a savepoint: a refused start leaves nothing behind
            run = await start_bot_run(bot=bot, params=params, started_by=started_by)
    except DomainError as error:
        return await _left_to_person(bot, params, subject_key, title, reason=error.message)
    return BotRequest(run_id=str(run.id), work_item_id=None)


async def _left_to_person(bot: str, params: dict[str, Any], subject_key: str, title: str, *, reason: str) -> BotRequest:
    log.warning("bot run not started: left to a person", extra={"bot": bot, "reason": reason})
    item = await automation_service.open_work_item(
        kind="bots.run_requested", subject_key=subject_key, title=title, details={"bot": bot, "params": params, "reason": reason},
    )
    return BotRequest(run_id=None, work_item_id=str(item.id), reason=reason)
