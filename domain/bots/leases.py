"""Which worker runs a run: a lease in the database, renewed by heartbeats, so a run never runs twice at once.

A worker claims a queued run (or one whose lease ran out: its worker died) under an owner name of
its own for that execution. While it runs the bot it renews the lease; every write it makes about
the run is fenced by the owner name, so a worker that lost its lease can change nothing. A second
delivery of the run's message finds the lease held and leaves the run alone.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from tortoise.expressions import F, Q

from domain import clock
from domain.bots import events
from domain.bots.models import BotInputRequest, BotRun, BotRunStep, InputStatus, RunStatus
from domain.bots.runs import LIVE, get_run, input_secret_name
from domain.outbox import record_event
from tenants.ownership import scoped
from tenants.vault import VaultKeys, delete_secret, reveal_secret


class ClaimOutcome(StrEnum):
    TAKEN = "taken"  # this owner runs it now (for the first time, or resuming a dead worker's run)
    HELD = "held"  # another owner's lease is live: leave it alone
    FINISHED = "finished"  # it has ended (or was cancelled before it started): nothing to do
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class Claim:
    outcome: ClaimOutcome
    run: BotRun | None = None
    held_until: datetime | None = None
    steps_recorded: int = 0  # step attempts earlier executions recorded

    @property
    def resumed(self) -> bool:
        return self.run is not None and self.run.executions > 1


@dataclass(frozen=True)
class Control:
    """What a running run's owner learns at each poll."""

    lease_ok: bool
    cancel_requested: bool = False
    answered_requests: list[uuid.UUID] = field(default_factory=list)


def owned(run_id: uuid.UUID, owner: str):
    """The run, if `owner` still holds its lease: the fence every write about a running run goes through."""
    return scoped(BotRun).filter(id=run_id, lease_owner=owner)


async def claim_run(*, run_id: uuid.UUID, owner: str, lease_seconds: float) -> Claim:
    """Take the run for `owner` unless it has ended or another owner's lease is live."""
    now = clock.now()
    run = await get_run(run_id=run_id)
    if run is None:
        return Claim(ClaimOutcome.NOT_FOUND)
    if run.status.is_final:
        return Claim(ClaimOutcome.FINISHED, run)
    taken = (
        await scoped(BotRun)
        .filter(id=run_id, status__in=LIVE)
        .filter(Q(lease_owner__isnull=True) | Q(lease_expires_at__lt=now))
        .update(
            lease_owner=owner,
            lease_expires_at=now + timedelta(seconds=lease_seconds),
            heartbeat_at=now,
            executions=F("executions") + 1,
            updated_at=now,
        )
    )
    run = await get_run(run_id=run_id)
    assert run is not None
    if not taken:
        if run.status.is_final:
            return Claim(ClaimOutcome.FINISHED, run)
        return Claim(ClaimOutcome.HELD, run, held_until=run.lease_expires_at)
    if run.cancel_requested_at is not None:
        await finish_unstarted(run=run, owner=owner, code="CANCELLED", message="The run was cancelled before it started.", status=RunStatus.CANCELLED)
        return Claim(ClaimOutcome.FINISHED, run)
    # A dead worker's question cannot be answered any more: the resumed run asks again if it must.
    await scoped(BotInputRequest).filter(run_id=run_id, status__in=[InputStatus.PENDING, InputStatus.ANSWERED]).update(
        status=InputStatus.CLOSED, updated_at=now
    )
    steps = await scoped(BotRunStep).filter(run_id=run_id).count()
    return Claim(ClaimOutcome.TAKEN, run, steps_recorded=steps)


async def finish_unstarted(*, run: BotRun, owner: str, code: str, message: str, status: RunStatus = RunStatus.FAILED) -> None:
    """End a claimed run before its bot started (cancelled, no portal, no credentials, not approved)."""
    now = clock.now()
    await owned(run.id, owner).update(
        status=status, error_code=code, error_message=message, finished_at=now, lease_owner=None, lease_expires_at=None, updated_at=now
    )
    await run.refresh_from_db()
    await record_event(event_type=events.RUN_UPDATED, payload=events.run_updated(run, change="state"))


async def renew_lease(*, run_id: uuid.UUID, owner: str, lease_seconds: float) -> bool:
    """Extend `owner`'s lease; False when it is no longer the owner (the run must stop at once)."""
    now = clock.now()
    renewed = await owned(run_id, owner).update(
        lease_expires_at=now + timedelta(seconds=lease_seconds), heartbeat_at=now
    )
    return renewed == 1


async def release_run(*, run_id: uuid.UUID, owner: str) -> None:
    await owned(run_id, owner).update(lease_owner=None, lease_expires_at=None, updated_at=clock.now())


async def control_state(*, run_id: uuid.UUID, owner: str) -> Control:
    """Whether the owner still holds the run, whether someone asked to cancel it, and answers waiting for it."""
    run = await owned(run_id, owner).first()
    if run is None:
        return Control(lease_ok=False)
    answered = await scoped(BotInputRequest).filter(run_id=run_id, status=InputStatus.ANSWERED).values_list("id", flat=True)
    return Control(lease_ok=True, cancel_requested=run.cancel_requested_at is not None, answered_requests=list(answered))


async def take_answer(*, request_id: uuid.UUID, keys: VaultKeys) -> str | None:
    """The answer to a question, once: the vault forgets it as the run takes it."""
    request = await scoped(BotInputRequest).select_for_update().get_or_none(id=request_id, status=InputStatus.ANSWERED)
    if request is None:
        return None
    value = await reveal_secret(keys=keys, name=input_secret_name(request.id))
    await delete_secret(name=input_secret_name(request.id))
    request.status = InputStatus.TAKEN
    await request.save(update_fields=["status", "updated_at"])
    return value


async def close_questions(*, run_id: uuid.UUID) -> None:
    """The run no longer waits: unanswered (or untaken) questions are closed and their answers forgotten."""
    for request in await scoped(BotInputRequest).filter(run_id=run_id, status__in=[InputStatus.PENDING, InputStatus.ANSWERED]):
        if request.status is InputStatus.ANSWERED:
            await delete_secret(name=input_secret_name(request.id))
        request.status = InputStatus.CLOSED
        await request.save(update_fields=["status", "updated_at"])
