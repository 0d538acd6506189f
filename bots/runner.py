"""Starts bot runs and carries each from queued to succeeded, failed or cancelled.

A run: waits for its slot (tenant, portal, credential, politeness) while `queued`; takes a fresh
browser context from the pool; records a Playwright trace; runs the bot's steps inside one
`bot.run <bot>` span (continuing the caller's W3C trace when given a traceparent); and, however
it ends, saves the trace and the step log, closes the context, and reports the final state
after every artifact.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.trace import SpanKind, Status, StatusCode
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from bots.artifacts import RunArtifacts
from bots.bot_definition import BotDefinition, BotParams, BotRegistry
from bots.browser_pool import BrowserPool, ContextSetup
from bots.credentials import PortalCredentials
from bots.errors import BotError, ErrorCode, RunTimeout
from bots.observer import ObserverFanOut, RunObserver
from bots.records import ArtifactKind, RunError, RunInfo, RunOutcome, RunState, jsonable
from bots.redaction import Redactor
from bots.run import BotRun, utcnow
from bots.run_limits import RunLimits
from bots.run_policy import RetryPolicy, RunTimeouts
from bots.steps import StepRunner
from bots.write_ledger import WriteLedger

log = logging.getLogger(__name__)
tracer = trace.get_tracer("concord.bots")


@dataclass(frozen=True)
class RunnerConfig:
    artifacts_dir: Path
    timeouts: RunTimeouts = field(default_factory=RunTimeouts)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    locale: str = "en-GB"
    timezone: str = "UTC"

    @classmethod
    def from_settings(cls, settings: Any, **overrides: Any) -> RunnerConfig:
        return cls(artifacts_dir=Path(settings.artifacts_dir), **overrides)


class BotRunner:
    """Runs bots on one event loop with one browser pool; `start` returns at once, `wait` gives the outcome."""

    def __init__(
        self,
        *,
        pool: BrowserPool,
        config: RunnerConfig,
        registry: BotRegistry | None = None,
        limits: RunLimits | None = None,
        observers: Sequence[RunObserver] = (),
    ) -> None:
        if registry is None:
            from bots.registry import default_registry

            registry = default_registry()
        self.pool = pool
        self.config = config
        self.registry = registry
        self.limits = limits or RunLimits()
        self.observers = list(observers)
        self.live_runs: dict[str, BotRun] = {}

    def start(
        self,
        bot_name: str,
        *,
        tenant_id: str,
        portal_url: str,
        credentials: PortalCredentials,
        params: Mapping[str, Any] | BotParams,
        traceparent: str | None = None,
        run_id: str | None = None,
        observers: Sequence[RunObserver] = (),
        timeouts: RunTimeouts | None = None,
        context_setup: ContextSetup | None = None,
        ledger: WriteLedger | None = None,
        completed_write_steps: Sequence[str] = (),
    ) -> BotRun:
        """Queue a run and return it; raises InvalidParams (naming each bad param) before anything runs.

        `traceparent` (W3C) makes the run span a child of the caller's span. `context_setup` runs
        on the run's fresh browser context before anything else (diagnostics and tests). `ledger`
        records the run's exactly-once writes; `completed_write_steps` are the checkpoint of an
        earlier execution of the same run (steps not safe to repeat that it completed).
        """
        definition = self.registry.get(bot_name)
        valid_params = definition.validate(params)
        run_id = run_id or uuid.uuid4().hex
        info = RunInfo(
            run_id=run_id, tenant_id=tenant_id, bot_name=bot_name, portal=definition.portal, created_at=utcnow()
        )
        artifacts = RunArtifacts(self.config.artifacts_dir, tenant_id, run_id)
        span = tracer.start_span(
            f"bot.run {bot_name}",
            context=_parent_context(traceparent),
            kind=SpanKind.INTERNAL,
            attributes={
                "bot.name": bot_name,
                "bot.run.id": run_id,
                "tenant.id": tenant_id,
                "bot.portal": definition.portal,
            },
        )
        run = BotRun(
            info,
            timeouts=timeouts or self.config.timeouts,
            retry=self.config.retry,
            artifacts=artifacts,
            redactor=Redactor(credentials.secrets()),
            events=ObserverFanOut([*self.observers, *observers]),
            trace_id=format(span.get_span_context().trace_id, "032x"),
            ledger=ledger,
            completed_write_steps=completed_write_steps,
        )
        task = asyncio.get_running_loop().create_task(
            self._execute(run, definition, span, portal_url, credentials, valid_params, context_setup),
            name=f"bot-run-{run_id}",
        )
        run.attach(task, StepRunner(run))
        self.live_runs[run_id] = run
        task.add_done_callback(lambda _: self.live_runs.pop(run_id, None))
        return run

    async def run(self, bot_name: str, **kwargs: Any) -> RunOutcome:
        """`start` then `wait`."""
        return await self.start(bot_name, **kwargs).wait()

    async def shutdown(self) -> None:
        """Cancel every live run and wait for each to close its context (the pool is the caller's to close)."""
        runs = list(self.live_runs.values())
        for run in runs:
            run.cancel()
        for run in runs:
            await run.wait()

    async def _execute(
        self,
        run: BotRun,
        definition: BotDefinition,
        span: trace.Span,
        portal_url: str,
        credentials: PortalCredentials,
        params: BotParams,
        context_setup: ContextSetup | None,
    ) -> None:
        with trace.use_span(span, end_on_exit=True, record_exception=False, set_status_on_exception=False):
            error: RunError | None = None
            try:
                await run.set_state(RunState.QUEUED)
                slot = self.limits.slot(
                    tenant_id=run.info.tenant_id,
                    portal=definition.portal,
                    credential=credentials.session_key(),
                    run_id=run.id,
                    portal_url=portal_url,
                )
                async with slot:
                    result = await self._drive(run, definition, portal_url, credentials, params, context_setup)
                run.result = result
            except asyncio.CancelledError:
                if not run.cancel_requested:
                    raise
                asyncio.current_task().uncancel()  # type: ignore[union-attr]  # the cancellation ends here, as a state
                error = RunError(
                    code=ErrorCode.CANCELLED.value, message="The run was cancelled.", step=run.interrupted_step
                )
            except BotError as exc:
                exc.step = exc.step or run.interrupted_step
                error = run.error_record(exc)
            except Exception as exc:
                log.error("bot run %s crashed", run.id, exc_info=exc)
                error = RunError(
                    code=ErrorCode.INTERNAL_ERROR.value, message=f"Unexpected {type(exc).__name__} in the runner."
                )
            run.finishing = True
            await self._finish(run, span, error)

    async def _drive(
        self,
        run: BotRun,
        definition: BotDefinition,
        portal_url: str,
        credentials: PortalCredentials,
        params: BotParams,
        context_setup: ContextSetup | None,
    ) -> Any:
        timeouts = run.timeouts
        run.started_at = utcnow()
        run.artifacts.create()
        await run.set_state(RunState.RUNNING)
        async with self.pool.context(
            setup=context_setup, locale=self.config.locale, timezone_id=self.config.timezone
        ) as context:
            context.set_default_timeout(timeouts.action * 1000)
            context.set_default_navigation_timeout(timeouts.navigation * 1000)
            await context.tracing.start(screenshots=True, snapshots=True, title=f"{run.info.bot_name} {run.id}")
            run.context = context
            try:
                run.page = await context.new_page()
                async with run.deadlines.limit(timeouts.run, lambda: RunTimeout(timeouts.run)):
                    result = await definition.run(run, portal_url, credentials, params)
                run.finishing = True  # the bot is done: a late cancel must not hide what it did
                return result
            except Exception:
                if not run.failure_screenshot_taken:
                    await run.take_screenshot("failed")
                raise
            finally:
                await self._save_trace(run)
                run.page = None

    async def _save_trace(self, run: BotRun) -> None:
        assert run.context is not None
        path = run.artifacts.trace_path
        try:
            await run.context.tracing.stop(path=path)
            await asyncio.to_thread(run.redactor.zip_file, path)
            await run.add_artifact(ArtifactKind.TRACE, path, step=None)
        except Exception:  # the browser may be gone; the run's own outcome matters more than its trace
            log.warning("could not save the trace of run %s", run.id, exc_info=True)

    async def _finish(self, run: BotRun, span: trace.Span, error: RunError | None) -> None:
        run.finished_at = utcnow()
        run.context = None  # closed by now
        if run.artifacts.step_log_path.exists():
            await run.add_artifact(ArtifactKind.STEP_LOG, run.artifacts.step_log_path, step=None)
        if error is None:
            await run.set_state(RunState.SUCCEEDED, result=jsonable(run.result))
            return
        run.error = error
        if error.code == ErrorCode.RUN_PAUSED.value:  # not an end: back to the queue, to resume later
            span.set_attribute("bot.run.paused", True)
            await run.set_state(RunState.QUEUED, error=error)
            return
        span.set_status(Status(StatusCode.ERROR, error.code))
        span.set_attribute("bot.error.code", error.code)
        final = RunState.CANCELLED if error.code == ErrorCode.CANCELLED.value else RunState.FAILED
        await run.set_state(final, error=error)


def _parent_context(traceparent: str | None) -> Context | None:
    """The caller's trace to continue: from `traceparent` when given, else whatever span is current."""
    if not traceparent:
        return None
    return TraceContextTextMapPropagator().extract({"traceparent": traceparent})
