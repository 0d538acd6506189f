"""How many runs may drive the portals at once, and how politely: the slot a run waits for while queued.

Per tenant and per portal, a semaphore bounds concurrent runs; per portal credential, a lock
allows one live session at a time (old portals log a user's other session out, and the bank
bot's check-then-pay must not race a second run of the same login); per portal, consecutive
run starts are spaced at least `politeness_seconds` apart.

These hold within one process; `bots.persisted.limits.DatabaseRunLimits` adds the same session
and politeness rules across every worker, through the database.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager, nullcontext
from dataclasses import dataclass


@dataclass(frozen=True)
class RunLimitsConfig:
    runs_per_tenant: int = 2
    runs_per_portal: int = 4
    politeness_seconds: float = 2.0


class RunLimits:
    """Slots for runs; one instance per process (per event loop), shared by every run."""

    def __init__(self, config: RunLimitsConfig | None = None) -> None:
        self.config = config or RunLimitsConfig()
        self._tenant_slots: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(self.config.runs_per_tenant)
        )
        self._portal_slots: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(self.config.runs_per_portal)
        )
        self._sessions: dict[tuple[str, str], asyncio.Lock] = defaultdict(asyncio.Lock)
        self._next_start: dict[str, float] = {}

    @asynccontextmanager
    async def slot(
        self, *, tenant_id: str, portal: str, credential: str, run_id: str = "", portal_url: str = ""
    ) -> AsyncIterator[None]:
        """Wait until this run may start, and hold its place until it ends.

        Always acquired in the same order (credential here, the credential's shared session,
        tenant, portal) so that two runs can never each hold what the other waits for.
        """
        async with AsyncExitStack() as held:
            await held.enter_async_context(self._sessions[(portal, credential)])
            await held.enter_async_context(
                self.shared_session(tenant_id=tenant_id, portal=portal, credential=credential, run_id=run_id)
            )
            await held.enter_async_context(self._tenant_slots[tenant_id])
            await held.enter_async_context(self._portal_slots[portal])
            await self.space_out(portal=portal, portal_url=portal_url)
            yield

    def shared_session(
        self, *, tenant_id: str, portal: str, credential: str, run_id: str
    ) -> AbstractAsyncContextManager[None]:
        """The credential's session across processes; within one process the lock above is all there is."""
        return nullcontext()

    async def space_out(self, *, portal: str, portal_url: str) -> None:
        await self._space_out(portal)

    async def _space_out(self, portal: str) -> None:
        now = time.monotonic()
        start_at = max(now, self._next_start.get(portal, now))
        self._next_start[portal] = start_at + self.config.politeness_seconds
        if start_at > now:
            await asyncio.sleep(start_at - now)
