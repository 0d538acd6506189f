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

from infra.db.notices import NoticeListener

CHANNEL = "concord_outbox"

log = logging.getLogger(__name__)


class OutboxWakeups(NoticeListener):
    def __init__(self, database_url: str) -> None:
        super().__init__(database_url, CHANNEL, on_notice=self._received, on_listening=self._mark_lost, on_lost=self._mark_lost)
        self.changed = asyncio.Event()
        self.lost = True  # until the first LISTEN holds, nothing says what was missed
        self._tenants: set[uuid.UUID] = set()

    def take(self) -> set[uuid.UUID]:
        """The tenants notified since the last take."""
        tenants, self._tenants = self._tenants, set()
        self.changed.clear()
        return tenants

    def _mark_lost(self) -> None:
        # Events may have committed while nobody listened (before this LISTEN, or while it was down).
        self.lost = True
        self.changed.set()

    def _received(self, payload: str) -> None:
        try:
            self._tenants.add(uuid.UUID(payload))
        except ValueError:
            log.warning("unreadable outbox notice", extra={"payload": payload})
            return
        self.changed.set()
