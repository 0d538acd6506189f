"""One bot run: what a bot uses (`step`, `ask_for_input`, `keep_download`) and what its owner uses.

The owner (the runner's caller) uses `cancel`, `provide_input` and `wait`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from playwright.async_api import BrowserContext, Download, Page

from bots.artifacts import RunArtifacts
from bots.deadlines import PausableDeadlines
from bots.errors import BotError, ErrorCode, InputTimeout
from bots.observer import ObserverFanOut
from bots.records import (
    Artifact,
    ArtifactKind,
    InputRequest,
    RunError,
    RunInfo,
    RunOutcome,
    RunState,
    RunStateChange,
    StepRecord,
    jsonable,
)
from bots.redaction import Redactor
from bots.run_policy import RetryPolicy, RunTimeouts
from bots.write_ledger import UnrecordedLedger, WriteIntent, WriteLedger

if TYPE_CHECKING:
    from bots.steps import StepRunner

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class WriteConfirmation:
    """Filled in by the bot inside `exactly_once` with what the portal answered (payment id, receipt number)."""

    confirmation: dict[str, Any] = field(default_factory=dict)

    def confirm(self, **values: Any) -> None:
        self.confirmation.update(values)


def utcnow() -> datetime:
    return datetime.now(UTC)


def url_without_query(url: str) -> str:
    """What of a URL may be logged: no query string (it may carry tokens), fragment or user info."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


class BotRun:
    """A run of one bot for one tenant. Created by `BotRunner.start`; use from the runner's event loop."""

    def __init__(
        self,
        info: RunInfo,
        *,
        timeouts: RunTimeouts,
        retry: RetryPolicy,
        artifacts: RunArtifacts,
        redactor: Redactor,
        events: ObserverFanOut,
        trace_id: str,
        ledger: WriteLedger | None = None,
        completed_write_steps: Iterable[str] = (),
    ) -> None:
        self.info = info
        self.timeouts = timeouts
        self.retry = retry
        self.artifacts = artifacts
        self.redactor = redactor
        self.trace_id = trace_id
        self.state = RunState.QUEUED
        self.context: BrowserContext | None = None
        self.page: Page | None = None  # the run's page, opened by the runner in a fresh context
        self.pending_input: InputRequest | None = None
        self.started_at: datetime | None = None
        self.finished_at: datetime | None = None
        self.result: Any = None
        self.error: RunError | None = None
        self.steps: list[StepRecord] = []
        self.artifact_list: list[Artifact] = []
        self.deadlines = PausableDeadlines()
        self.current_step: str | None = None
        self.interrupted_step: str | None = None  # the step a cancellation or run timeout cut short
        self.failure_screenshot_taken = False
        self.cancel_requested = False
        self.finishing = False  # past the point where cancelling could change the outcome
        self.pause_requested = False  # stop before the next step, to resume later (a suspended tenant)
        self.ledger: WriteLedger = ledger or UnrecordedLedger()
        # Steps that are not safe to repeat and that an earlier execution of this run completed.
        self.completed_write_steps = frozenset(completed_write_steps)
        self._checked_writes: set[str] = set()
        self._events = events
        self._input: asyncio.Future[str] | None = None
        self._task: asyncio.Task[None] | None = None
        self._step_runner: StepRunner | None = None

    @property
    def id(self) -> str:
        return self.info.run_id

    # --- what a bot calls -------------------------------------------------------------------

    async def step(
        self,
        name: str,
        action: Callable[[], Awaitable[T]],
        *,
        idempotent: bool = False,
        screenshot: bool = False,
        timeout: float | None = None,
    ) -> T:
        """Run `action` as the step `name`: a span, a step-log line per attempt, a timeout, and retries.

        Only an `idempotent` step is retried (with backoff) on transient errors, so `action` must
        be safe to run again from the start: it opens its page itself. `screenshot=True` keeps
        a screenshot after the step succeeds; a failing step always leaves one.
        """
        assert self._step_runner is not None, "the run has not started"
        return await self._step_runner.run(name, action, idempotent=idempotent, screenshot=screenshot, timeout=timeout)

    async def ask_for_input(self, prompt: str, *, screenshot: bool = True, timeout: float | None = None) -> str:
        """Wait for a human to answer `prompt` (via `provide_input`); the run's timeouts stand still meanwhile."""
        if self._input is not None:
            raise RuntimeError("the run is already waiting for input")
        seconds = timeout if timeout is not None else self.timeouts.input
        shot = await self.take_screenshot("input-requested") if screenshot else None
        asked_at = utcnow()
        request = InputRequest(
            prompt=prompt,
            asked_at=asked_at,
            expires_at=asked_at + timedelta(seconds=seconds),
            step=self.current_step,
            screenshot=shot,
        )
        self._input = asyncio.get_running_loop().create_future()
        self.deadlines.pause()
        self.pending_input = request
        try:
            await self.set_state(RunState.WAITING_FOR_INPUT)
            await self._events.notify("on_waiting_for_input", self.info, request)
            try:
                value = await asyncio.wait_for(self._input, seconds)
            except TimeoutError:
                raise InputTimeout(seconds) from None
        finally:
            self._input = None
            self.pending_input = None
            self.deadlines.resume()
        self.redactor.add(value)  # typed answers are usually one-time codes
        await self.set_state(RunState.RUNNING)
        return value

    async def portal_checked(self, intent: WriteIntent, found: Any = None) -> None:
        """Report what the portal shows for the write's key (`found`: its listing, None: nothing).

        Required before `exactly_once` may send the write; the ledger may stop the run here (the key
        was used for another write, or it says the write was confirmed though the portal shows nothing).
        """
        await self.ledger.checked(self.info, intent, jsonable(found) if found is not None else None)
        self._checked_writes.add(intent.subject)

    @asynccontextmanager
    async def exactly_once(
        self, intent: WriteIntent, *, what: str, how_to_retry: str, details: dict[str, Any] | None = None
    ) -> AsyncIterator[WriteConfirmation]:
        """Send a write at most once: the intent is recorded before, the portal's confirmation after.

        Inside, a transient failure is OUTCOME_UNKNOWN (see `uncertain_write`), never retried in the
        run; the next attempt reads the portal before it may send again.
        """
        from bots.uncertain_write import uncertain_write

        if intent.subject not in self._checked_writes:
            raise BotError(ErrorCode.INTERNAL_ERROR, f"{what}: the bot must read the portal's state before sending it.")
        await self.ledger.before_submit(self.info, intent)
        written = WriteConfirmation()
        try:
            async with uncertain_write(what, how_to_retry=how_to_retry, details=details):
                yield written
        except BotError as error:
            if error.code in (ErrorCode.PORTAL_REJECTED, ErrorCode.PORTAL_AUTH_FAILED):
                await self.ledger.refused(self.info, intent)
            raise
        try:
            await self.ledger.confirmed(self.info, intent, jsonable(written.confirmation))
        except Exception:  # the write happened; the next check reads it from the portal and confirms it then
            log.exception("could not record the confirmation of %s in run %s", intent.subject, self.id)

    async def keep_download(self, download: Download) -> Artifact:
        """Save a Playwright download under the run's downloads/ and record it as an artifact."""
        path = self.artifacts.download_path(download.suggested_filename)
        await download.save_as(path)
        return await self.add_artifact(ArtifactKind.DOWNLOAD, path)

    async def take_screenshot(self, label: str) -> Artifact | None:
        """A full-page screenshot of the run's page, or None when there is no page to take it of."""
        if self.page is None or self.page.is_closed():
            return None
        path = self.artifacts.screenshot_path(label)
        try:
            await self.page.screenshot(path=path, full_page=True, timeout=self.timeouts.action * 1000)
        except Exception:  # a screenshot is evidence, never a reason for a run to fail
            log.warning("screenshot %s of run %s failed", label, self.id, exc_info=True)
            return None
        return await self.add_artifact(ArtifactKind.SCREENSHOT, path)

    def add_secret(self, value: str | None) -> None:
        """Mask `value` in this run's messages, step log and trace (e.g. a one-time code the bot computed)."""
        self.redactor.add(value)

    # --- what the run's owner calls --------------------------------------------------------

    def cancel(self) -> None:
        """Stop the run at its next await; the runner closes its browser context and marks it cancelled."""
        if self.state.is_final or self.cancel_requested or self.finishing:
            return
        self.cancel_requested = True
        if self._task is not None:
            self._task.cancel()

    def provide_input(self, value: str) -> None:
        """Answer the pending `ask_for_input`; raises RuntimeError when the run is not waiting for input."""
        if self._input is None or self._input.done():
            raise RuntimeError(f"run {self.id} is not waiting for input")
        self._input.set_result(value)

    async def wait(self) -> RunOutcome:
        """Until the run has ended, then how it ended."""
        assert self._task is not None, "the run has not been started"
        await asyncio.shield(self._task)
        return self.outcome()

    def outcome(self) -> RunOutcome:
        return RunOutcome(
            run_id=self.id,
            state=self.state,
            result=self.result,
            error=self.error,
            steps=tuple(self.steps),
            artifacts=tuple(self.artifact_list),
            started_at=self.started_at,
            finished_at=self.finished_at,
        )

    # --- used by the runner and the step runner --------------------------------------------

    def attach(self, task: asyncio.Task[None], step_runner: StepRunner) -> None:
        self._task = task
        self._step_runner = step_runner

    async def set_state(self, state: RunState, *, error: RunError | None = None, result: dict | None = None) -> None:
        self.state = state
        await self._events.notify(
            "on_run_state", self.info, RunStateChange(state=state, at=utcnow(), error=error, result=result)
        )

    async def add_artifact(self, kind: ArtifactKind, path: Any, *, step: str | None = None) -> Artifact:
        artifact = self.artifacts.describe(kind, path, step=step or self.current_step)
        self.artifact_list.append(artifact)
        await self._events.notify("on_artifact", self.info, artifact)
        return artifact

    async def record_step(self, record: StepRecord, *, finished: bool) -> None:
        if finished:
            self.steps.append(record)
            self.artifacts.append_step_log(record.as_log_line())
        await self._events.notify("on_step_finished" if finished else "on_step_started", self.info, record)

    def page_url(self) -> str:
        if self.page is None or self.page.is_closed():
            return ""
        return url_without_query(self.page.url)

    def error_record(self, error: BotError) -> RunError:
        """The error as stored and shown: secrets masked."""
        details = {
            key: self.redactor.text(value) if isinstance(value, str) else value for key, value in error.details.items()
        }
        return RunError(
            code=error.code.value, message=self.redactor.text(error.message), step=error.step, details=details
        )
