"""The moment a bot sends something it must not send twice: a lost answer there is OUTCOME_UNKNOWN, not a retry."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from bots.errors import OutcomeUnknown
from bots.steps import as_bot_error


@asynccontextmanager
async def uncertain_write(
    what: str, *, how_to_retry: str, details: Mapping[str, Any] | None = None
) -> AsyncIterator[None]:
    """Inside: the portal may or may not have acted when a transient failure (5xx, reset, timeout) hits.

    Such a failure becomes OutcomeUnknown, which is never retried within the run; other errors
    (a refusal, a changed layout) pass through unchanged.
    """
    try:
        yield
    except Exception as exc:
        error = as_bot_error(exc)
        if not error.transient:
            raise
        raise OutcomeUnknown(
            f"{what} may have gone through, but the portal's answer was lost: {error.message} {how_to_retry}",
            details={**(details or {}), "cause": error.code.value},
        ) from exc
