"""Running one step of a bot: its span, its timeout, its retries, its step-log lines and screenshots."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

from opentelemetry import trace
from opentelemetry.trace import Status, StatusCode
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

from bots.errors import BotError, ErrorCode, OutcomeUnknown, PortalUnavailable, RunPaused, StepTimeout
from bots.records import RunError, StepRecord, StepStatus

if TYPE_CHECKING:
    from bots.run import BotRun

log = logging.getLogger(__name__)
tracer = trace.get_tracer("concord.bots")
T = TypeVar("T")


def as_bot_error(exc: BaseException) -> BotError:
    """What an exception raised inside a step means for the run."""
    if isinstance(exc, BotError):
        return exc
    if isinstance(exc, PlaywrightTimeoutError):
        return PortalUnavailable("The portal did not respond in time.", details={"playwright": _first_line(exc)})
    if isinstance(exc, PlaywrightError):
        message = str(exc)
        if "net::ERR_" in message:
            code = message[message.index("net::ERR_") :].split()[0]
            return PortalUnavailable(f"The portal could not be reached ({code}).", details={"network_error": code})
        if "has been closed" in message:
            return BotError(ErrorCode.INTERNAL_ERROR, "The browser closed the page unexpectedly.")
    return BotError(ErrorCode.INTERNAL_ERROR, f"Unexpected {type(exc).__name__} in the bot.")


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__


class StepRunner:
    """Runs a BotRun's steps; one per run."""

    def __init__(self, run: BotRun) -> None:
        self.run_ = run

    async def run(
        self,
        name: str,
        action: Callable[[], Awaitable[T]],
        *,
        idempotent: bool,
        screenshot: bool,
        timeout: float | None,
    ) -> T:
        run = self.run_
        if run.pause_requested:
            raise RunPaused(name)
        if not idempotent and name in run.completed_write_steps:
            # The bot's own check before the write got here, yet the checkpoint says it was done: a person must look.
            raise OutcomeUnknown(
                f"Step {name!r} completed in an earlier execution of this run, but the portal does not show it done; "
                "it is not repeated.",
                details={"step": name},
            )
        seconds = timeout if timeout is not None else run.timeouts.step
        attributes = {"bot.step.name": name, "bot.step.idempotent": idempotent, "bot.run.id": run.id}
        with tracer.start_as_current_span(f"bot.step {name}", attributes=attributes, record_exception=False) as span:
            attempt = _Attempts(run, name, idempotent)
            run.current_step = name
            try:
                async with run.deadlines.limit(seconds, lambda: StepTimeout(name, seconds)):
                    result = await self._attempts(attempt, action, span)
            except StepTimeout as error:
                await self._fail(attempt, error, span)
                raise
            except asyncio.CancelledError:
                run.interrupted_step = name  # cancelled, or the run's own timeout: either way, it ended here
                await attempt.finish(StepStatus.CANCELLED)
                span.set_attribute("bot.step.cancelled", True)
                raise
            finally:
                span.set_attribute("bot.step.attempts", attempt.number)
                span.set_attribute("url.full", run.page_url())
                run.current_step = None
            if screenshot:
                await run.take_screenshot(f"{name}")
            return result

    async def _attempts(self, attempt: _Attempts, action: Callable[[], Awaitable[T]], span: trace.Span) -> T:
        run = self.run_
        while True:
            await attempt.start()
            try:
                result = await action()
            except Exception as exc:
                error = as_bot_error(exc)
                if error.code is ErrorCode.INTERNAL_ERROR and not isinstance(exc, BotError):
                    log.error("step %s of run %s failed", attempt.name, run.id, exc_info=exc)
                if attempt.idempotent and error.transient and attempt.number < run.retry.attempts:
                    await attempt.finish(StepStatus.RETRYING, error)
                    span.add_event("retry", {"attempt": attempt.number, "bot.error.code": error.code.value})
                    await asyncio.sleep(run.retry.delay_after(attempt.number))
                    continue
                await self._fail(attempt, error, span)
                raise error from (None if error is exc else exc)
            await attempt.finish(StepStatus.SUCCEEDED)
            return result

    async def _fail(self, attempt: _Attempts, error: BotError, span: trace.Span) -> None:
        run = self.run_
        error.step = error.step or attempt.name
        span.set_status(Status(StatusCode.ERROR, error.code.value))
        span.set_attribute("bot.error.code", error.code.value)
        await run.take_screenshot(f"{attempt.name}-failed")
        run.failure_screenshot_taken = True
        await attempt.finish(StepStatus.FAILED, error)


class _Attempts:
    """The step record of the attempt in progress, started and finished exactly once each."""

    def __init__(self, run: BotRun, name: str, idempotent: bool) -> None:
        self.run = run
        self.name = name
        self.idempotent = idempotent
        self.number = 0
        self._open: StepRecord | None = None

    async def start(self) -> None:
        self.number += 1
        self._open = StepRecord(
            name=self.name,
            attempt=self.number,
            status=StepStatus.RUNNING,
            idempotent=self.idempotent,
            started_at=datetime.now(UTC),
        )
        await self.run.record_step(self._open, finished=False)

    async def finish(self, status: StepStatus, error: BotError | None = None) -> None:
        if self._open is None:
            return
        record, self._open = self._open, None
        run_error: RunError | None = None
        if error is not None:
            run_error = replace(self.run.error_record(error), step=self.name)
        finished = replace(
            record, status=status, finished_at=datetime.now(UTC), url=self.run.page_url(), error=run_error
        )
        await self.run.record_step(finished, finished=True)
