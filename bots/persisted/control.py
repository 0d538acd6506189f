"""While a stored run runs: renew its lease, and carry cancels, answers and a tenant's suspension to it.

The owning worker polls the database, so `cancelBotRun` and `provideBotInput` reach it whichever
API process took them, with no message to route. A lost lease (another worker took the run over)
stops the run at once: its writes are fenced anyway, and the bot must not drive the portal twice.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid

from bots.persisted.runtime import BotRuntime
from bots.run import BotRun
from domain.bots import service as bots_service
from tenants import lifecycle
from tenants.context import tenant_transaction

log = logging.getLogger(__name__)


class RunControl:
    def __init__(self, runtime: BotRuntime, *, tenant_id: uuid.UUID, run_id: uuid.UUID, owner: str, run: BotRun) -> None:
        self.runtime = runtime
        self.tenant_id = tenant_id
        self.run_id = run_id
        self.owner = owner
        self.run = run
        self.lease_lost = False

    async def loop(self) -> None:
        config = self.runtime.config
        last_beat = time.monotonic()
        while not self.run.state.is_final:
            await asyncio.sleep(config.control_poll_seconds)
            try:
                if not await self._poll():
                    return
                if time.monotonic() - last_beat >= config.heartbeat_seconds:
                    last_beat = time.monotonic()
                    if not await self._beat():
                        return
            except Exception:  # a database hiccup: the lease outlives a few missed beats
                log.warning("bot run control poll failed", exc_info=True, extra={"run_id": str(self.run_id)})

    async def _poll(self) -> bool:
        async with tenant_transaction(self.tenant_id):
            control = await bots_service.control_state(run_id=self.run_id, owner=self.owner)
        if not control.lease_ok:
            return self._lost()
        if control.cancel_requested:
            self.run.cancel()
        for request_id in control.answered_requests:
            async with tenant_transaction(self.tenant_id):
                value = await bots_service.take_answer(request_id=request_id, keys=self.runtime.keys)
            if value is not None and self.run.pending_input is not None:
                try:
                    self.run.provide_input(value)
                except RuntimeError:  # the question timed out a moment ago
                    pass
        return True

    async def _beat(self) -> bool:
        async with tenant_transaction(self.tenant_id):
            renewed = await bots_service.renew_lease(
                run_id=self.run_id, owner=self.owner, lease_seconds=self.runtime.config.lease_seconds
            )
        if not renewed:
            return self._lost()
        if not await lifecycle.is_tenant_active(tenant_id=self.tenant_id):
            self.run.pause_requested = True  # stops before its next step and goes back to the queue
        return True

    def _lost(self) -> bool:
        log.error("bot run lease lost: stopping this execution", extra={"run_id": str(self.run_id), "owner": self.owner})
        self.lease_lost = True
        self.run.cancel()
        return False
