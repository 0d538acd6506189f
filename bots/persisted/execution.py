"""Executing a stored run: claim its lease, prepare it from the tenant's vault and portals, run it, follow up.

Used by the `run_bot` actor and by `concord bots run`. A run whose lease another live execution
holds is left alone (`Execution.outcome` HELD, with when to look again); a run that has ended is
not run again; a run whose worker died is resumed by the next execution that claims it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from bots.bot_definition import BotDefinition
from bots.browser_pool import ContextSetup
from bots.credentials import PortalCredentials
from bots.errors import BotError
from bots.observer import RunObserver
from bots.persisted.approvals import require_approval
from bots.persisted.control import RunControl
from bots.persisted.credentials import portal_credentials
from bots.persisted.follow_ups import follow_up
from bots.persisted.ledger import DatabaseWriteLedger
from bots.persisted.observer import DatabaseRunObserver
from bots.persisted.runtime import BotRuntime
from bots.records import RunError, RunInfo, RunOutcome, RunState, RunStateChange
from bots.run import BotRun
from domain import clock
from domain.bots import service as bots_service
from domain.bots.models import BotRun as StoredRun
from domain.errors import DomainError
from tenants.context import tenant_transaction

log = logging.getLogger(__name__)
ClaimOutcome = bots_service.ClaimOutcome


@dataclass(frozen=True)
class Execution:
    outcome: ClaimOutcome
    run: RunOutcome | None = None  # how the bot ended, when this execution ran it
    held_until: datetime | None = None

    @property
    def paused(self) -> bool:
        """It stopped between steps (its tenant was suspended) and must be sent again later."""
        return self.run is not None and self.run.state is RunState.QUEUED


@dataclass(frozen=True)
class _Prepared:
    definition: BotDefinition
    portal_url: str
    credentials: PortalCredentials


async def execute_run(
    runtime: BotRuntime,
    *,
    tenant_id: uuid.UUID,
    run_id: uuid.UUID,
    traceparent: str | None = None,
    observers: Sequence[RunObserver] = (),
    on_start: Callable[[BotRun], None] | None = None,
    context_setup: ContextSetup | None = None,
) -> Execution:
    """Run the stored run `run_id` here, unless it has ended or another execution holds it.

    `observers` see the run besides the database; `on_start` gets the live run (the CLI's Ctrl-C and
    prompts); `context_setup` prepares its browser context (diagnostics and tests).
    """
    owner = runtime.new_owner()
    taken_at = clock.now()
    async with tenant_transaction(tenant_id):
        claim = await bots_service.claim_run(run_id=run_id, owner=owner, lease_seconds=runtime.config.lease_seconds)
    if claim.outcome is not ClaimOutcome.TAKEN:
        log.info("bot run not executed here", extra={"run_id": str(run_id), "claim": claim.outcome.value})
        return Execution(claim.outcome, held_until=claim.held_until)
    stored = claim.run
    assert stored is not None
    if claim.resumed:
        log.warning("resuming a bot run another execution left", extra={"run_id": str(run_id), "execution": stored.executions})
    try:
        async with tenant_transaction(tenant_id):
            prepared = await _prepare(runtime, stored)
    except (DomainError, BotError) as error:
        async with tenant_transaction(tenant_id):
            await bots_service.finish_unstarted(run=stored, owner=owner, code=str(error.code), message=error.message)
        await _report_unstarted(stored, observers, taken_at=taken_at, error=RunError(code=str(error.code), message=error.message))
        return Execution(ClaimOutcome.FINISHED)
    observer = DatabaseRunObserver(
        tenant_id=tenant_id, run_id=run_id, owner=owner, execution=stored.executions, first_position=claim.steps_recorded
    )
    run = runtime.runner.start(
        stored.bot,
        tenant_id=str(tenant_id),
        portal_url=prepared.portal_url,
        credentials=prepared.credentials,
        params=stored.params,
        traceparent=traceparent,
        run_id=str(run_id),
        observers=[observer, *observers],
        ledger=DatabaseWriteLedger(tenant_id=tenant_id, run_id=run_id),
        completed_write_steps=bots_service.completed_write_steps(run=stored),
        context_setup=context_setup,
    )
    observer.trace_id = run.trace_id
    if on_start is not None:
        on_start(run)
    outcome = await _supervised(runtime, run, tenant_id=tenant_id, run_id=run_id, owner=owner)
    # The final state and what the run books commit together: whoever reads the run as ended reads its results.
    async with tenant_transaction(tenant_id):
        await observer.record_final()
        try:
            async with in_transaction():  # a savepoint: a failed follow-up leaves the run's own outcome standing
                await follow_up(
                    prepared.definition, tenant_id=tenant_id, run_id=run_id, params=stored.params, outcome=outcome, trace_id=run.trace_id
                )
        except Exception:  # logged for a person
            log.exception("bot run follow-up failed", extra={"run_id": str(run_id)})
    async with tenant_transaction(tenant_id):
        await bots_service.release_run(run_id=run_id, owner=owner)
    return Execution(ClaimOutcome.TAKEN, run=outcome)


async def _report_unstarted(stored: StoredRun, observers: Sequence[RunObserver], *, taken_at: datetime, error: RunError) -> None:
    """Tell the observers (the metrics, the CLI's view) that the run failed before its bot started: the runner,
    which reports every other end, never saw it."""
    info = RunInfo(run_id=str(stored.id), tenant_id=str(stored.tenant_id), bot_name=stored.bot, portal=stored.portal, created_at=taken_at)
    change = RunStateChange(state=RunState.FAILED, at=stored.finished_at or clock.now(), error=error)
    for observer in observers:
        try:
            await observer.on_run_state(info, change)
        except Exception:  # an observer's failure must not hide how the run ended
            log.exception("a bot run observer failed", extra={"run_id": str(stored.id)})


async def _prepare(runtime: BotRuntime, stored: StoredRun) -> _Prepared:
    definition = runtime.runner.registry.get(stored.bot)
    await require_approval(stored.bot, definition.validate(stored.params))  # again: it may have been voided since
    portal = await bots_service.get_portal_or_raise(portal=definition.portal)
    return _Prepared(
        definition=definition,
        portal_url=bots_service.resolve_base_url(portal.base_url, server_url=runtime.server_url),
        credentials=await portal_credentials(keys=runtime.keys, portal=definition.portal),
    )


async def _supervised(runtime: BotRuntime, run: BotRun, *, tenant_id: uuid.UUID, run_id: uuid.UUID, owner: str) -> RunOutcome:
    control = RunControl(runtime, tenant_id=tenant_id, run_id=run_id, owner=owner, run=run)
    controlling = asyncio.create_task(control.loop(), name=f"bot-run-control-{run_id}")
    try:
        return await run.wait()
    finally:
        controlling.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await controlling
