"""Scheduled canaries: a read-only dry run of each of the tenant's portals (see bots.canary).

`request_canaries` is the scheduled job: the automation scheduler calls it for a tenant's schedule
(job `bots.portal_canaries`), and a worker runs each canary like any run. A portal whose canary is
still live is skipped, so a slow portal does not pile canaries up.
"""

from __future__ import annotations

from collections.abc import Sequence

from bots.persisted.start import start_bot_run
from domain.bots import service as bots_service
from domain.bots.models import BotRun, RunStatus

LIVE = (RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.WAITING_FOR_INPUT)


async def request_canaries(*, started_by: str, portals: Sequence[str] | None = None) -> list[BotRun]:
    """Queue `<portal>.canary` for each configured portal of the current tenant (or those in `portals`)."""
    started = []
    for portal in await bots_service.list_portals():
        if portals and portal.portal not in portals:
            continue
        bot = f"{portal.portal}.canary"
        if await bots_service.list_runs(bot=bot, statuses=LIVE).exists():
            continue
        started.append(await start_bot_run(bot=bot, params={}, started_by=started_by))
    return started
