"""The stable error codes a bot run ends with, and the exceptions that carry them."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    """Why a run did not succeed. Stable strings: stored with runs and shown to automation owners."""

    PORTAL_AUTH_FAILED = "PORTAL_AUTH_FAILED"  # the portal refused the credentials; never retried
    PORTAL_UNAVAILABLE = "PORTAL_UNAVAILABLE"  # 5xx, maintenance, network errors, timeouts (after retries)
    PORTAL_LAYOUT_CHANGED = "PORTAL_LAYOUT_CHANGED"  # an element the bot relies on is gone; nothing was written
    PORTAL_REJECTED = "PORTAL_REJECTED"  # the portal refused the input (e.g. period already filed, no funds)
    OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN"  # a write was sent but its answer was lost; retry with the same key
    STEP_TIMEOUT = "STEP_TIMEOUT"
    RUN_TIMEOUT = "RUN_TIMEOUT"
    INPUT_TIMEOUT = "INPUT_TIMEOUT"  # nobody answered ask_for_input in time
    CANCELLED = "CANCELLED"
    INVALID_PARAMS = "INVALID_PARAMS"
    INTERNAL_ERROR = "INTERNAL_ERROR"  # a bug or a browser failure; the message names the exception type only
    RUN_PAUSED = "RUN_PAUSED"  # stopped between steps to resume later (its tenant was suspended); not an end


class BotError(Exception):
    """A run-ending (or, if `transient`, retryable) failure with a stable code.

    `message` is safe to show to the tenant: it never holds credentials (the runner scrubs known
    secrets from it anyway). `details` are small JSON-able facts (selector, url, order number).
    """

    transient = False

    def __init__(self, code: ErrorCode, message: str, *, details: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = dict(details or {})
        self.step: str | None = None  # the step it ended, set by the step runner

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code.value}: {self.message})"


class PortalAuthFailed(BotError):
    def __init__(self, message: str = "The portal refused the username or password.", **kwargs: Any) -> None:
        super().__init__(ErrorCode.PORTAL_AUTH_FAILED, message, **kwargs)


class PortalUnavailable(BotError):
    """The portal did not answer usefully; retried with backoff in idempotent steps."""

    transient = True

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(ErrorCode.PORTAL_UNAVAILABLE, message, **kwargs)


class PortalLayoutChanged(BotError):
    def __init__(self, selector: str, *, page: str, url: str = "", message: str | None = None) -> None:
        super().__init__(
            ErrorCode.PORTAL_LAYOUT_CHANGED,
            message or f"Element {selector} not found on the {page} page: the portal's layout has changed.",
            details={"selector": selector, "page": page, "url": url},
        )
        self.selector = selector


class PortalRejected(BotError):
    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(ErrorCode.PORTAL_REJECTED, message, **kwargs)


class OutcomeUnknown(BotError):
    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(ErrorCode.OUTCOME_UNKNOWN, message, **kwargs)


class StepTimeout(BotError):
    def __init__(self, step: str, seconds: float) -> None:
        super().__init__(
            ErrorCode.STEP_TIMEOUT, f"Step {step!r} did not finish within {seconds:g} s.", details={"step": step}
        )


class RunTimeout(BotError):
    def __init__(self, seconds: float) -> None:
        super().__init__(ErrorCode.RUN_TIMEOUT, f"The run did not finish within {seconds:g} s of running time.")


class InputTimeout(BotError):
    def __init__(self, seconds: float) -> None:
        super().__init__(ErrorCode.INPUT_TIMEOUT, f"No input was provided within {seconds:g} s.")


class RunPaused(BotError):
    """The run stops before its next step and goes back to the queue (a suspended tenant's runs pause)."""

    def __init__(self, step: str) -> None:
        super().__init__(ErrorCode.RUN_PAUSED, f"The run paused before step {step!r}; it resumes when its tenant is active.")


class InvalidParams(BotError):
    """Params that fail the bot's schema; `details["errors"]` maps each param to what is wrong with it."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        summary = "; ".join(f"{name}: {problem}" for name, problem in errors.items())
        super().__init__(ErrorCode.INVALID_PARAMS, f"Invalid params: {summary}", details={"errors": dict(errors)})
