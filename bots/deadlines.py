"""The run's and its steps' timeouts, which stand still while the run waits for a human."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from bots.errors import BotError


class PausableDeadlines:
    """Nested `asyncio.timeout`s of one task that `pause()` together and `resume()` with the time they had left.

    `limit(seconds, error)` raises `error()` when its own deadline passes; an outer deadline
    passing while an inner one is open cancels through the inner one, as asyncio.timeout does.
    """

    def __init__(self) -> None:
        self._open: list[asyncio.Timeout] = []
        self._remaining: dict[int, float | None] = {}  # id(timeout) -> seconds left, while paused
        self._paused = False

    @property
    def paused(self) -> bool:
        return self._paused

    @asynccontextmanager
    async def limit(self, seconds: float | None, error: Callable[[], BotError]) -> AsyncIterator[None]:
        timeout = asyncio.timeout(seconds)
        try:
            async with timeout:
                self._open.append(timeout)
                if self._paused:
                    self._pause_one(timeout)
                try:
                    yield
                finally:
                    self._open.remove(timeout)
                    self._remaining.pop(id(timeout), None)
        except TimeoutError:
            if timeout.expired():
                raise error() from None
            raise

    def pause(self) -> None:
        if self._paused:
            return
        self._paused = True
        for timeout in self._open:
            self._pause_one(timeout)

    def resume(self) -> None:
        if not self._paused:
            return
        self._paused = False
        now = asyncio.get_running_loop().time()
        for timeout in self._open:
            remaining = self._remaining.pop(id(timeout), None)
            if remaining is not None:
                timeout.reschedule(now + remaining)

    def _pause_one(self, timeout: asyncio.Timeout) -> None:
        when = timeout.when()
        if when is None or timeout.expired():
            self._remaining[id(timeout)] = None
            return
        self._remaining[id(timeout)] = max(0.0, when - asyncio.get_running_loop().time())
        timeout.reschedule(None)
