"""A deadline per operation: past it the operation is cancelled — its transaction rolls back — and the
request is answered with TIMEOUT (504 as application/graphql-response+json)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import TypeVar

from api.errors import ErrorCode, RequestError

log = logging.getLogger(__name__)
Result = TypeVar("Result")


async def within_deadline(operation: Awaitable[Result], *, seconds: float | None, name: str | None = None) -> Result:
    """The result of `operation`, or RequestError(TIMEOUT) once it has run `seconds` (None: no deadline) and
    been cancelled."""
    deadline = asyncio.timeout(seconds)
    try:
        async with deadline:
            return await operation
    except TimeoutError:
        if not deadline.expired():
            raise  # raised inside the operation, not by this deadline
        log.warning("GraphQL operation %s cancelled after %g s", name or "(anonymous)", seconds)
        raise RequestError(
            ErrorCode.TIMEOUT, f"the operation did not finish within {seconds:g} seconds and was cancelled"
        ) from None
