"""Announcing the changes that take access away, so no process keeps serving a credential they ended.

A revoked key, a suspended or deleted tenant, a changed membership or partner grant: `announce()`
forgets the affected cached principals in this process at once, and on PostgreSQL sends a NOTIFY in
the current transaction, which every process's `CredentialChangeListener` receives when (and only
if) that transaction commits. A listener that loses its connection forgets everything, since it may
have missed a notice, and reconnects.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass
from enum import StrEnum

import asyncpg
from tortoise import connections

from tenants.credential_cache import CREDENTIALS, CredentialCache

CHANNEL = "concord_credentials"
RECONNECT_DELAY_SECONDS = 1.0

log = logging.getLogger(__name__)


class Affected(StrEnum):
    KEY = "key"
    TENANT = "tenant"
    USER = "user"


@dataclass(frozen=True)
class CredentialChange:
    affected: Affected
    id: uuid.UUID

    @property
    def payload(self) -> str:
        return f"{self.affected}:{self.id}"

    @classmethod
    def from_payload(cls, payload: str) -> CredentialChange:
        affected, _, value = payload.partition(":")
        return cls(Affected(affected), uuid.UUID(value))


def forget(change: CredentialChange, cache: CredentialCache = CREDENTIALS) -> None:
    cache.forget(**{f"{change.affected}_id": change.id})


async def announce(affected: Affected, id: uuid.UUID) -> None:
    """Forget what the change affects here now, and in every process once the current transaction commits."""
    change = CredentialChange(affected, id)
    forget(change)
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        await connection.execute_query("SELECT pg_notify($1, $2)", [CHANNEL, change.payload])


class CredentialChangeListener:
    """One LISTEN connection per process, applying every announced change to the process's cache."""

    def __init__(self, database_url: str, cache: CredentialCache = CREDENTIALS) -> None:
        self.database_url = database_url.replace("postgres://", "postgresql://", 1)
        self.cache = cache
        self._task: asyncio.Task | None = None
        self.listening = asyncio.Event()

    def start(self) -> None:
        self._task = asyncio.create_task(self._listen_forever(), name="credential change listener")

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
            except Exception:  # the database went away: notices may have been missed
                log.warning("credential change listener lost its connection; reconnecting", exc_info=True)
            self.listening.clear()
            self.cache.clear()
            await asyncio.sleep(RECONNECT_DELAY_SECONDS)

    async def _listen_once(self) -> None:
        connection = await asyncpg.connect(self.database_url)
        lost = asyncio.Event()
        connection.add_termination_listener(lambda _: lost.set())
        try:
            await connection.add_listener(CHANNEL, self._received)
            self.cache.clear()  # anything cached before listening could have missed a notice
            self.listening.set()
            await lost.wait()
        finally:
            await connection.close()

    def _received(self, connection, pid, channel, payload: str) -> None:
        try:
            forget(CredentialChange.from_payload(payload), self.cache)
        except ValueError:
            log.warning("unreadable credential change notice", extra={"payload": payload})
