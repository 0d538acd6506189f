"""The RunObserver that writes a run's states, step attempts, artifacts and questions to the database.

Each write is a short transaction of the run's tenant, fenced by the worker's lease (a worker that
lost the run writes nothing) and recorded as a `bots.run_updated` event for the subscription. The
final state is the exception: it is kept for `record_final`, which the execution calls in the same
transaction as the run's follow-up, so a run read as succeeded has its results booked already.
"""

from __future__ import annotations

import uuid
from typing import Any

from bots.records import Artifact, InputRequest, RunError, RunInfo, RunState, RunStateChange, StepRecord
from domain.bots import service as bots_service
from domain.bots.models import RunStatus
from tenants.context import tenant_transaction


def stored_result(value: Any) -> Any:
    """The bot's result as stored and shown: its files by name and hash, without the server's paths."""
    if isinstance(value, dict):
        if "sha256" in value and "path" in value:
            return {key: item for key, item in value.items() if key != "path"}
        return {key: stored_result(item) for key, item in value.items()}
    if isinstance(value, list):
        return [stored_result(item) for item in value]
    return value


def error_input(error: RunError | None) -> bots_service.RunErrorInput | None:
    if error is None:
        return None
    return bots_service.RunErrorInput(code=error.code, message=error.message, step=error.step, details=error.details or None)


class DatabaseRunObserver:
    def __init__(self, *, tenant_id: uuid.UUID, run_id: uuid.UUID, owner: str, execution: int, first_position: int) -> None:
        self.tenant_id = tenant_id
        self.run_id = run_id
        self.owner = owner
        self.execution = execution
        self.trace_id: str | None = None  # the bot run span's trace, set once the runner started the run
        self._next_position = first_position
        self._open_steps: dict[tuple[str, int], int] = {}
        self.final_change: RunStateChange | None = None

    async def on_run_state(self, run: RunInfo, change: RunStateChange) -> None:
        if change.state.is_final:
            self.final_change = change
            return
        async with tenant_transaction(self.tenant_id):
            await self._record(change)

    async def record_final(self) -> None:
        """Write the final state kept by `on_run_state`, inside the caller's tenant transaction."""
        if self.final_change is not None:
            await self._record(self.final_change)

    async def _record(self, change: RunStateChange) -> None:
        await bots_service.record_state(
            run_id=self.run_id, owner=self.owner, status=RunStatus(change.state.value), at=change.at,
            error=error_input(change.error), result=stored_result(change.result), trace_id=self.trace_id,
        )
        if change.state is not RunState.WAITING_FOR_INPUT:
            await bots_service.close_questions(run_id=self.run_id)

    async def on_step_started(self, run: RunInfo, step: StepRecord) -> None:
        position = self._next_position
        self._next_position += 1
        self._open_steps[(step.name, step.attempt)] = position
        async with tenant_transaction(self.tenant_id):
            await bots_service.record_step_started(
                run_id=self.run_id, owner=self.owner, execution=self.execution, position=position, name=step.name,
                attempt=step.attempt, idempotent=step.idempotent, started_at=step.started_at,
            )

    async def on_step_finished(self, run: RunInfo, step: StepRecord) -> None:
        position = self._open_steps.pop((step.name, step.attempt), None)
        if position is None:  # never seen starting (cannot happen with the runner): record it whole
            await self.on_step_started(run, step)
            position = self._open_steps.pop((step.name, step.attempt))
        async with tenant_transaction(self.tenant_id):
            await bots_service.record_step_finished(
                run_id=self.run_id, owner=self.owner, position=position, status=step.status.value,
                finished_at=step.finished_at or step.started_at, url=step.url, error=error_input(step.error),
            )

    async def on_artifact(self, run: RunInfo, artifact: Artifact) -> None:
        async with tenant_transaction(self.tenant_id):
            await bots_service.record_artifact(
                run_id=self.run_id, owner=self.owner, kind=artifact.kind.value, name=artifact.name,
                path=f"{run.tenant_id}/{run.run_id}/{artifact.name}", sha256=artifact.sha256, size=artifact.size,
                step=artifact.step,
            )

    async def on_waiting_for_input(self, run: RunInfo, request: InputRequest) -> None:
        async with tenant_transaction(self.tenant_id):
            await bots_service.record_input_request(
                run_id=self.run_id, owner=self.owner, prompt=request.prompt, step=request.step,
                asked_at=request.asked_at, expires_at=request.expires_at,
            )
