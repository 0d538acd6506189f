"""Listening to a PostgreSQL NOTIFY channel for as long as a process runs.

NOTIFY reaches only the connections listening when it commits, so whoever listens must know when it
may have missed something: `on_listening` is called each time the LISTEN holds (the first time and
after every reconnection), and the caller treats everything before it as unknown; `on_lost` when
the connection drops.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import asyncpg

RECONNECT_DELAY_SECONDS = 1.0

log = logging.getLogger(__name__)


class NoticeListener:
    """One dedicated connection LISTENing on `channel`, reconnecting when it is lost."""

    def __init__(
        self,
        database_url: str,
        channel: str,
        *,
        on_notice: Callable[[str], None],
        on_listening: Callable[[], None],
        on_lost: Callable[[], None] | None = None,
    ) -> None:
        self.database_url = database_url.replace("postgres://", "postgresql://", 1)
        self.channel = channel
        self.on_notice = on_notice
        self.on_listening = on_listening
        self.on_lost = on_lost
        self.listening = asyncio.Event()
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._listen_forever(), name=f"LISTEN {self.channel}")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _listen_forever(self) -> None:
        while True:
            try:
                await self._listen_once()
            except asyncio.CancelledError:
                raise
            except Exception:  # the database went away or refused us: try again shortly
                log.warning("lost the LISTEN connection; reconnecting", exc_info=True, extra={"channel": self.channel})
            self.listening.clear()
            if self.on_lost is not None:
                self.on_lost()
            await asyncio.sleep(RECONNECT_DELAY_SECONDS)

    async def _listen_once(self) -> None:
        connection = await asyncpg.connect(self.database_url)
        ended = asyncio.Event()
        connection.add_termination_listener(lambda _: ended.set())
        try:
            await connection.add_listener(self.channel, lambda _connection, _pid, _channel, payload: self.on_notice(payload))
            self.on_listening()
            self.listening.set()
            await ended.wait()
        finally:
            await connection.close()
