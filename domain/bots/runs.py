"""Bot runs as the tenant asks for them: queue, list, read, cancel, answer a question."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from opentelemetry import trace
from tortoise.queryset import QuerySet

from domain import clock
from domain.bots import events
from domain.bots.errors import BotsErrorCode
from domain.bots.models import BotArtifact, BotInputRequest, BotRun, BotRunStep, InputStatus, RunStatus
from domain.errors import DomainError
from domain.outbox import record_event
from tenants.ownership import create_owned, scoped
from tenants.vault import VaultKeys, set_secret

LIVE = (RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.WAITING_FOR_INPUT)


def input_secret_name(request_id: uuid.UUID) -> str:
    """Where a person's answer waits, encrypted, until the run takes it."""
    return f"bots.input.{request_id.hex}"


async def create_run(
    *,
    bot: str,
    portal: str,
    params: dict,
    started_by: str,
    idempotency_key: str | None = None,
    idempotency_field: str = "params",
) -> BotRun:
    """Queue a run of `bot` with params its schema already accepted; a worker takes it up after commit.

    A run whose write (`idempotency_key`) another live run of the tenant is already making is refused.
    """
    if idempotency_key:
        live = await scoped(BotRun).filter(idempotency_key=idempotency_key, status__in=LIVE).first()
        if live is not None:
            raise DomainError(
                BotsErrorCode.IDEMPOTENCY_KEY_IN_USE,
                f"run {live.id} is already making this write ({idempotency_key}); wait for it to end",
                field=idempotency_field,
            )
    context = trace.get_current_span().get_span_context()
    run = await create_owned(
        BotRun,
        bot=bot,
        portal=portal,
        params=params,
        started_by=started_by,
        idempotency_key=idempotency_key,
        trace_id=format(context.trace_id, "032x") if context.is_valid else None,
    )
    await record_event(event_type=events.RUN_UPDATED, payload=events.run_updated(run, change="state"))
    await record_event(
        event_type=events.RUN_REQUESTED, payload=events.run_requested(run), idempotency_key=f"bots.run:{run.id}"
    )
    return run


def list_runs(
    *,
    bot: str | None = None,
    statuses: Sequence[RunStatus] = (),
    created_after: datetime | None = None,
    created_before: datetime | None = None,
) -> QuerySet[BotRun]:
    """The tenant's runs matching every given filter (unordered)."""
    query = scoped(BotRun)
    if bot:
        query = query.filter(bot=bot)
    if statuses:
        query = query.filter(status__in=list(statuses))
    if created_after:
        query = query.filter(created_at__gte=created_after)
    if created_before:
        query = query.filter(created_at__lt=created_before)
    return query


async def get_run(*, run_id: uuid.UUID) -> BotRun | None:
    return await scoped(BotRun).get_or_none(id=run_id)


async def get_run_or_raise(*, run_id: uuid.UUID, field: str = "id") -> BotRun:
    run = await get_run(run_id=run_id)
    if run is None:
        raise DomainError(BotsErrorCode.NOT_FOUND, "bot run not found", field=field)
    return run


async def get_runs(*, run_ids: Sequence[uuid.UUID]) -> list[BotRun]:
    return await scoped(BotRun).filter(id__in=list(run_ids))


async def steps_of(*, run_ids: Sequence[uuid.UUID]) -> list[BotRunStep]:
    """Every step attempt of the runs, in the order they happened."""
    return await scoped(BotRunStep).filter(run_id__in=list(run_ids)).order_by("run_id", "position")


async def artifacts_of(*, run_ids: Sequence[uuid.UUID]) -> list[BotArtifact]:
    return await scoped(BotArtifact).filter(run_id__in=list(run_ids)).order_by("run_id", "created_at", "name")


async def get_artifact(*, run_id: uuid.UUID, artifact_id: uuid.UUID) -> BotArtifact | None:
    return await scoped(BotArtifact).get_or_none(id=artifact_id, run_id=run_id)


async def open_input_requests(*, run_ids: Sequence[uuid.UUID]) -> list[BotInputRequest]:
    """The questions the runs are waiting on (at most one each), answered or not."""
    statuses = [InputStatus.PENDING, InputStatus.ANSWERED]
    return await scoped(BotInputRequest).filter(run_id__in=list(run_ids), status__in=statuses).order_by("asked_at")


async def request_cancel(*, run_id: uuid.UUID) -> BotRun:
    """Ask the run to stop. A queued run nobody has taken up is cancelled at once; a running one by its worker."""
    run = await scoped(BotRun).select_for_update().get_or_none(id=run_id)
    if run is None:
        raise DomainError(BotsErrorCode.NOT_FOUND, "bot run not found", field="id")
    if run.status.is_final:
        raise DomainError(BotsErrorCode.RUN_FINISHED, f"the run has already {run.status}", field="id")
    now = clock.now()
    run.cancel_requested_at = run.cancel_requested_at or now
    fields = ["cancel_requested_at", "updated_at"]
    unowned = run.lease_owner is None or (run.lease_expires_at is not None and run.lease_expires_at < now)
    if run.status is RunStatus.QUEUED and unowned:
        run.status, run.finished_at = RunStatus.CANCELLED, now
        run.error_code, run.error_message = "CANCELLED", "The run was cancelled before it started."
        fields += ["status", "finished_at", "error_code", "error_message"]
    await run.save(update_fields=fields)
    await record_event(event_type=events.RUN_UPDATED, payload=events.run_updated(run, change="cancel_requested"))
    return run


async def provide_input(*, run_id: uuid.UUID, value: str, answered_by: str, keys: VaultKeys) -> BotRun:
    """Answer the question the run waits on; the answer waits in the vault until the run's worker takes it."""
    run = await get_run_or_raise(run_id=run_id, field="run_id")
    if not value.strip():
        raise DomainError(BotsErrorCode.INPUT_REQUIRED, "value must not be empty", field="value")
    request = await scoped(BotInputRequest).filter(run_id=run.id, status=InputStatus.PENDING).order_by("-asked_at").first()
    if run.status is not RunStatus.WAITING_FOR_INPUT or request is None:
        raise DomainError(BotsErrorCode.NOT_WAITING_FOR_INPUT, f"the run is {run.status}, not waiting for input", field="run_id")
    await set_secret(keys=keys, name=input_secret_name(request.id), kind="other", value=value.strip())
    request.status, request.answered_at, request.answered_by = InputStatus.ANSWERED, clock.now(), answered_by
    await request.save(update_fields=["status", "answered_at", "answered_by", "updated_at"])
    await record_event(event_type=events.RUN_UPDATED, payload=events.run_updated(run, change="input_provided"))
    return run
