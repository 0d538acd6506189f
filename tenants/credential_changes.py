"""Announcing the changes that take access away, so no process keeps serving a credential they ended.

A revoked key, a suspended or deleted tenant, a changed membership or partner grant: `announce()`
forgets the affected cached principals in this process at once, and on PostgreSQL sends a NOTIFY in
the current transaction, which every process's `CredentialChangeListener` receives when (and only
if) that transaction commits. A listener that loses its connection forgets everything, since it may
have missed a notice, and reconnects.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from enum import StrEnum

from tortoise import connections

from infra.db.notices import NoticeListener

from tenants.credential_cache import CREDENTIALS, CredentialCache

CHANNEL = "concord_credentials"

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


class CredentialChangeListener(NoticeListener):
    """One LISTEN connection per process, applying every announced change to the process's cache."""

    def __init__(self, database_url: str, cache: CredentialCache = CREDENTIALS) -> None:
        # Whenever notices may have been missed (not yet listening, or the connection dropped), forget all.
        super().__init__(database_url, CHANNEL, on_notice=self._received, on_listening=cache.clear, on_lost=cache.clear)
        self.cache = cache

    def _received(self, payload: str) -> None:
        try:
            forget(CredentialChange.from_payload(payload), self.cache)
        except ValueError:
            log.warning("unreadable credential change notice", extra={"payload": payload})
