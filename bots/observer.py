"""The seam persistence plugs into: the runner reports every state change, step and artifact to a RunObserver."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from bots.records import Artifact, InputRequest, RunInfo, RunState, RunStateChange, StepRecord

log = logging.getLogger(__name__)


@runtime_checkable
class RunObserver(Protocol):
    """Receives a run's events in order, awaited on the run's own task.

    A database-backed observer (the persistence phase) writes runs, steps and artifacts here; a
    GraphQL subscription publishes from here. An observer that raises is logged and skipped: a
    lost status update must not fail a payment that went through.
    """

    async def on_run_state(self, run: RunInfo, change: RunStateChange) -> None: ...

    async def on_step_started(self, run: RunInfo, step: StepRecord) -> None: ...

    async def on_step_finished(self, run: RunInfo, step: StepRecord) -> None: ...

    async def on_artifact(self, run: RunInfo, artifact: Artifact) -> None: ...

    async def on_waiting_for_input(self, run: RunInfo, request: InputRequest) -> None: ...


class ObserverFanOut:
    """Forwards each event to several observers, isolating their failures from the run and each other."""

    def __init__(self, observers: Sequence[RunObserver]) -> None:
        self.observers = list(observers)

    async def notify(self, event: str, run: RunInfo, payload: object) -> None:
        for observer in self.observers:
            try:
                await getattr(observer, event)(run, payload)
            except Exception:
                log.exception("bot run observer %s failed on %s for run %s", type(observer).__name__, event, run.run_id)


class InMemoryRunObserver:
    """Keeps every event in memory, per run; used by tests and by `concord bots run` until runs are persisted."""

    def __init__(self) -> None:
        self.runs: dict[str, RunInfo] = {}
        self.states: dict[str, list[RunStateChange]] = defaultdict(list)
        self.steps_started: dict[str, list[StepRecord]] = defaultdict(list)
        self.steps_finished: dict[str, list[StepRecord]] = defaultdict(list)
        self.artifacts: dict[str, list[Artifact]] = defaultdict(list)
        self.input_requests: dict[str, list[InputRequest]] = defaultdict(list)
        self.events: list[tuple[str, str]] = []  # (run id, event name) in arrival order
        self._changed = asyncio.Condition()

    async def on_run_state(self, run: RunInfo, change: RunStateChange) -> None:
        await self._record(run, "on_run_state", self.states, change)

    async def on_step_started(self, run: RunInfo, step: StepRecord) -> None:
        await self._record(run, "on_step_started", self.steps_started, step)

    async def on_step_finished(self, run: RunInfo, step: StepRecord) -> None:
        await self._record(run, "on_step_finished", self.steps_finished, step)

    async def on_artifact(self, run: RunInfo, artifact: Artifact) -> None:
        await self._record(run, "on_artifact", self.artifacts, artifact)

    async def on_waiting_for_input(self, run: RunInfo, request: InputRequest) -> None:
        await self._record(run, "on_waiting_for_input", self.input_requests, request)

    def state_history(self, run_id: str) -> list[RunState]:
        return [change.state for change in self.states[run_id]]

    def current_state(self, run_id: str) -> RunState | None:
        history = self.states.get(run_id)
        return history[-1].state if history else None

    async def wait_for_state(self, run_id: str, state: RunState, *, timeout: float = 10.0) -> None:
        """Until the run has reached `state` (now or earlier); raises TimeoutError after `timeout` seconds."""
        async with asyncio.timeout(timeout):
            async with self._changed:
                await self._changed.wait_for(lambda: state in self.state_history(run_id))

    async def _record(self, run: RunInfo, event: str, store: dict, item: object) -> None:
        self.runs[run.run_id] = run
        store[run.run_id].append(item)
        self.events.append((run.run_id, event))
        async with self._changed:
            self._changed.notify_all()
