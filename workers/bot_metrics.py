"""Bot run metrics: runs by bot and outcome, how long they took, and why they failed (by error code).

A run observer, so it counts what the runner reports however the run ends. Labels are bounded: bot
names come from the registry, outcomes from `RunState`, codes from the bots' `ErrorCode`.
"""

from __future__ import annotations

from datetime import datetime

from prometheus_client import Counter, Histogram

from bots.records import Artifact, InputRequest, RunInfo, RunState, RunStateChange, StepRecord
from infra.metrics import REGISTRY

BOT_RUNS = Counter("concord_bot_runs_total", "Bot runs that ended, by bot and outcome", ["bot", "outcome"], registry=REGISTRY)
BOT_RUN_SECONDS = Histogram(
    "concord_bot_run_duration_seconds", "Time from a run's start to its end, by bot and outcome", ["bot", "outcome"],
    registry=REGISTRY, buckets=(1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600),
)
BOT_RUN_ERRORS = Counter("concord_bot_run_errors_total", "Bot runs that failed, by bot and error code", ["bot", "code"], registry=REGISTRY)


class BotRunMetrics:
    """A RunObserver that records each run's end; one instance serves every run of the process."""

    def __init__(self) -> None:
        self._started: dict[str, datetime] = {}

    async def on_run_state(self, run: RunInfo, change: RunStateChange) -> None:
        if change.state is RunState.QUEUED:  # a new execution (or a pause): time the one that ends the run
            self._started.pop(run.run_id, None)
        if change.state is RunState.RUNNING:
            self._started.setdefault(run.run_id, change.at)
        if not change.state.is_final:
            return
        started = self._started.pop(run.run_id, None) or run.created_at
        outcome = change.state.value
        BOT_RUNS.labels(run.bot_name, outcome).inc()
        BOT_RUN_SECONDS.labels(run.bot_name, outcome).observe(max((change.at - started).total_seconds(), 0.0))
        if change.error is not None and change.state is RunState.FAILED:
            BOT_RUN_ERRORS.labels(run.bot_name, change.error.code).inc()

    async def on_step_started(self, run: RunInfo, step: StepRecord) -> None:
        pass

    async def on_step_finished(self, run: RunInfo, step: StepRecord) -> None:
        pass

    async def on_artifact(self, run: RunInfo, artifact: Artifact) -> None:
        pass

    async def on_waiting_for_input(self, run: RunInfo, request: InputRequest) -> None:
        pass


BOT_RUN_METRICS = BotRunMetrics()
