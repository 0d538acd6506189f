"""What a run reports about itself: states, steps, artifacts, input requests. Plain data, ready to persist."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any


class RunState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    WAITING_FOR_INPUT = "waiting_for_input"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        return self in (RunState.SUCCEEDED, RunState.FAILED, RunState.CANCELLED)


class StepStatus(StrEnum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    RETRYING = "retrying"  # this attempt failed transiently; another follows
    FAILED = "failed"
    CANCELLED = "cancelled"


class ArtifactKind(StrEnum):
    SCREENSHOT = "screenshot"
    TRACE = "trace"  # the Playwright trace zip, always written
    DOWNLOAD = "download"  # receipts, statements, invoices
    STEP_LOG = "step_log"  # steps.jsonl


@dataclass(frozen=True)
class RunInfo:
    """Who a run is: passed with every observer call so an observer needs no lookup."""

    run_id: str
    tenant_id: str
    bot_name: str
    portal: str
    created_at: datetime


@dataclass(frozen=True)
class RunError:
    code: str
    message: str
    step: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Artifact:
    kind: ArtifactKind
    path: Path  # absolute; under <artifacts dir>/<tenant>/<run>/
    sha256: str
    size: int
    name: str  # path relative to the run's directory, e.g. "downloads/receipt.pdf"
    step: str | None = None


@dataclass(frozen=True)
class StepRecord:
    """One attempt at one step; a retried step has a record per attempt."""

    name: str
    attempt: int
    status: StepStatus
    idempotent: bool
    started_at: datetime
    finished_at: datetime | None = None
    url: str = ""  # the page's URL without query string or fragment
    error: RunError | None = None

    def as_log_line(self) -> dict[str, Any]:
        """The step log's JSON line."""
        return {
            "step": self.name,
            "attempt": self.attempt,
            "status": self.status.value,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "url": self.url,
            "error": jsonable(self.error) if self.error else None,
        }


@dataclass(frozen=True)
class InputRequest:
    """A question for a human; the run waits (its timeouts paused) until `provide_input` answers it."""

    prompt: str
    asked_at: datetime
    expires_at: datetime
    step: str | None = None
    screenshot: Artifact | None = None


@dataclass(frozen=True)
class RunStateChange:
    state: RunState
    at: datetime
    error: RunError | None = None
    result: dict[str, Any] | None = None  # the bot's result as JSON-able data, when succeeded


@dataclass(frozen=True)
class RunOutcome:
    """How a run ended; what `BotRun.wait()` returns."""

    run_id: str
    state: RunState
    result: Any = None  # the bot's result dataclass
    error: RunError | None = None
    steps: tuple[StepRecord, ...] = ()
    artifacts: tuple[Artifact, ...] = ()
    started_at: datetime | None = None
    finished_at: datetime | None = None

    @property
    def duration_seconds(self) -> float | None:
        if self.started_at is None or self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()

    def artifacts_of(self, kind: ArtifactKind) -> list[Artifact]:
        return [artifact for artifact in self.artifacts if artifact.kind is kind]


def jsonable(value: Any) -> Any:
    """Dataclasses, enums, decimals, dates and paths as JSON-friendly values (decimals as strings)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    return value
