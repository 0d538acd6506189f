"""Which tenants have new outbox events, told by PostgreSQL when their transactions commit.

Migration 0014's trigger sends NOTIFY `concord_outbox` with the event's tenant. One LISTEN connection
per relaying process collects those tenants, so the relay visits the tenants that have something to
publish instead of every tenant on every pass. A notice can be missed only while the connection is
down; `lost` then says so, and the relay sweeps every tenant once it is back.
"""

from __future__ import annotations

import asyncio
import logging
import uuid

import asyncpg

CHANNEL = "concord_outbox"
RECONNECT_DELAY_SECONDS = 1.0

log = logging.getLogger(__name__)


class OutboxWakeups:
    def __init__(self, database_url: str) -> None:
        self.database_url = database_url.replace("postgres://", "postgresql://", 1)
        self.changed = asyncio.Event()
        self.lost = True  # until the first LISTEN holds, nothing says what was missed
        self.listening = asyncio.Event()
        self._tenants: set[uuid.UUID] = set()
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._listen_forever(), name="outbox wakeups")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    def take(self) -> set[uuid.UUID]:
        """The tenants notified since the last take."""
        tenants, self._tenants = self._tenants, set()
        self.changed.clear()
        return tenants

    async def _listen_forever(self) -> None:
        while True:
            try:
                await self._listen_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("outbox wakeups lost their connection; reconnecting", exc_info=True)
            self.listening.clear()
            self._mark_lost()
            await asyncio.sleep(RECONNECT_DELAY_SECONDS)

    async def _listen_once(self) -> None:
        connection = await asyncpg.connect(self.database_url)
        ended = asyncio.Event()
        connection.add_termination_listener(lambda _: ended.set())
        try:
            await connection.add_listener(CHANNEL, self._received)
            self._mark_lost()  # events may have committed before this LISTEN: sweep once
            self.listening.set()
            await ended.wait()
        finally:
            await connection.close()

    def _mark_lost(self) -> None:
        self.lost = True
        self.changed.set()

    def _received(self, connection, pid, channel, payload: str) -> None:
        try:
            self._tenants.add(uuid.UUID(payload))
        except ValueError:
            log.warning("unreadable outbox notice", extra={"payload": payload})
            return
        self.changed.set()
