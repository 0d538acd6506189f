"""What a running run reports, written by its owner only: state, step attempts, checkpoint, artifacts, questions.

Every write is fenced by the lease owner (see `domain.bots.leases`), and each records a
`bots.run_updated` event, which the `botRunUpdated` subscription streams.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from domain import clock
from domain.bots import events
from domain.bots.leases import owned
from domain.bots.models import BotArtifact, BotInputRequest, BotRun, BotRunStep, InputStatus, RunStatus
from domain.outbox import record_event
from tenants.ownership import create_owned, scoped


@dataclass(frozen=True)
class RunErrorInput:
    code: str
    message: str
    step: str | None = None
    details: dict[str, Any] | None = None


async def record_state(
    *,
    run_id: uuid.UUID,
    owner: str,
    status: RunStatus,
    at: datetime,
    error: RunErrorInput | None = None,
    result: dict[str, Any] | None = None,
    trace_id: str | None = None,
) -> bool:
    """The run's new state; False (and nothing written) when `owner` no longer holds the run."""
    values: dict[str, Any] = {"status": status, "updated_at": clock.now()}
    if trace_id:
        values["trace_id"] = trace_id
    run = await owned(run_id, owner).first()
    if run is None:
        return False
    if status is RunStatus.RUNNING and run.started_at is None:
        values["started_at"] = at
    if status.is_final:
        values["finished_at"] = at
    if result is not None:
        values["result"] = result
    if error is not None or status is RunStatus.RUNNING:
        values.update(
            error_code=error.code if error else None,
            error_message=error.message if error else None,
            error_step=error.step if error else None,
            error_details=error.details if error else None,
        )
    unchanged = run.status is status and error is None and result is None
    await owned(run_id, owner).update(**values)
    await run.refresh_from_db()
    if not unchanged:  # the runner reports `queued` for a run the database already shows queued: no news
        await record_event(event_type=events.RUN_UPDATED, payload=events.run_updated(run, change="state"))
    return True


async def record_step_started(
    *, run_id: uuid.UUID, owner: str, execution: int, position: int, name: str, attempt: int, idempotent: bool, started_at: datetime
) -> None:
    run = await owned(run_id, owner).first()
    if run is None:
        return
    await create_owned(
        BotRunStep, run_id=run_id, position=position, execution=execution, name=name, attempt=attempt,
        status="running", idempotent=idempotent, started_at=started_at,
    )
    await record_event(event_type=events.RUN_UPDATED, payload=events.run_updated(run, change="step", step=name, step_status="running"))


async def record_step_finished(
    *,
    run_id: uuid.UUID,
    owner: str,
    position: int,
    status: str,
    finished_at: datetime,
    url: str,
    error: RunErrorInput | None = None,
) -> None:
    """The attempt's end; a succeeded step joins the run's checkpoint."""
    run = await owned(run_id, owner).select_for_update().first()
    if run is None:
        return
    step = await scoped(BotRunStep).get_or_none(run_id=run_id, position=position)
    if step is None:
        return
    step.status, step.finished_at, step.url = status, finished_at, url[:500]
    step.error_code, step.error_message = (error.code, error.message) if error else (None, None)
    await step.save(update_fields=["status", "finished_at", "url", "error_code", "error_message", "updated_at"])
    if status == "succeeded":
        run.checkpoint = [
            *run.checkpoint,
            {"step": step.name, "idempotent": step.idempotent, "execution": step.execution, "finished_at": finished_at.isoformat()},
        ]
        await run.save(update_fields=["checkpoint", "updated_at"])
    await record_event(
        event_type=events.RUN_UPDATED, payload=events.run_updated(run, change="step", step=step.name, step_status=status)
    )


async def record_artifact(
    *, run_id: uuid.UUID, owner: str, kind: str, name: str, path: str, sha256: str, size: int, step: str | None
) -> None:
    """A file of the run; the same name again (a resumed run's new trace) replaces the description."""
    run = await owned(run_id, owner).first()
    if run is None:
        return
    existing = await scoped(BotArtifact).get_or_none(run_id=run_id, name=name)
    if existing is None:
        try:
            async with in_transaction():
                await create_owned(BotArtifact, run_id=run_id, kind=kind, name=name, path=path, sha256=sha256, size=size, step=step)
        except IntegrityError:
            existing = await scoped(BotArtifact).get(run_id=run_id, name=name)
    if existing is not None:
        existing.kind, existing.path, existing.sha256, existing.size, existing.step = kind, path, sha256, size, step
        await existing.save(update_fields=["kind", "path", "sha256", "size", "step", "updated_at"])
    await record_event(event_type=events.RUN_UPDATED, payload=events.run_updated(run, change="artifact", artifact=name))


async def record_input_request(
    *, run_id: uuid.UUID, owner: str, prompt: str, step: str | None, asked_at: datetime, expires_at: datetime
) -> BotInputRequest | None:
    run = await owned(run_id, owner).first()
    if run is None:
        return None
    await scoped(BotInputRequest).filter(run_id=run_id, status=InputStatus.PENDING).update(status=InputStatus.CLOSED)
    request = await create_owned(BotInputRequest, run_id=run_id, prompt=prompt, step=step, asked_at=asked_at, expires_at=expires_at)
    await record_event(event_type=events.RUN_UPDATED, payload=events.run_updated(run, change="input_requested", step=step))
    return request


def completed_write_steps(*, run: BotRun) -> list[str]:
    """Steps that are not safe to repeat and that an earlier execution of the run completed."""
    return [entry["step"] for entry in run.checkpoint if not entry.get("idempotent", True)]
