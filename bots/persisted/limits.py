"""RunLimits that also hold across processes: one live session per portal login, and a polite pace per portal host."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from urllib.parse import urlsplit

from bots.run_limits import RunLimits, RunLimitsConfig
from domain.bots import service as bots_service
from tenants.context import tenant_transaction

log = logging.getLogger(__name__)


class DatabaseRunLimits(RunLimits):
    """The in-process limits, plus the database's session lease and pacing, so N workers behave like one."""

    def __init__(
        self, config: RunLimitsConfig | None = None, *, session_lease_seconds: float = 60.0, poll_seconds: float = 0.5
    ) -> None:
        super().__init__(config)
        self.session_lease_seconds = session_lease_seconds
        self.poll_seconds = poll_seconds

    @asynccontextmanager
    async def shared_session(self, *, tenant_id: str, portal: str, credential: str, run_id: str) -> AsyncIterator[None]:
        tenant, run = uuid.UUID(tenant_id), uuid.UUID(run_id)
        session = {"portal": portal, "credential_key": credential, "run_id": run}
        while True:
            async with tenant_transaction(tenant):
                if await bots_service.take_session(**session, lease_seconds=self.session_lease_seconds):
                    break
            await asyncio.sleep(self.poll_seconds)  # another worker's run of the same login is live
        renewing = asyncio.create_task(self._renew(tenant, session))
        try:
            yield
        finally:
            renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewing
            async with tenant_transaction(tenant):
                await bots_service.release_session(**session)

    async def _renew(self, tenant: uuid.UUID, session: dict) -> None:
        while True:
            await asyncio.sleep(self.session_lease_seconds / 3)
            try:
                async with tenant_transaction(tenant):
                    await bots_service.renew_session(**session, lease_seconds=self.session_lease_seconds)
            except Exception:  # the next beat tries again; the lease outlives a missed one
                log.warning("could not renew a portal session lease", exc_info=True)

    async def space_out(self, *, portal: str, portal_url: str) -> None:
        if self.config.politeness_seconds <= 0 or not portal_url:
            return
        parts = urlsplit(portal_url)
        start = await bots_service.reserve_start(
            origin=f"{parts.scheme}://{parts.netloc}", interval_seconds=self.config.politeness_seconds
        )
        delay = (start - datetime.now(UTC)).total_seconds()
        if delay > 0:
            await asyncio.sleep(delay)
