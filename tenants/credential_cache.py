"""Principals of recently seen credentials, so a request does not read its key, tenant and membership again.

Every request presents a bearer credential, and reading the key (or the user's membership) with its
tenant costs more than a simple query. A principal found here is at most `ttl_seconds` old, and the
changes that take access away reach it sooner: each is announced (tenants.credential_changes), which
forgets the affected entries in this process at once and, on PostgreSQL, in every other process
when the change commits. The TTL bounds what a lost announcement could keep alive.

Entries are keyed by a digest of the whole presented token, never the token itself, so one tenant's
credential can only ever find its own principal.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from threading import Lock

from tenants.principals import Principal

DEFAULT_TTL_SECONDS = 10.0
DEFAULT_MAX_ENTRIES = 10_000
LAST_USED_WRITE_INTERVAL_SECONDS = 60.0


@dataclass
class CachedCredential:
    principal: Principal
    key_id: uuid.UUID | None  # None for a user's token
    user_id: uuid.UUID | None  # the person behind it, when there is one
    valid_until: datetime | None  # the key's own expiry
    cached_at: float
    last_used_written_at: float = field(default=0.0)


class CredentialCache:
    def __init__(
        self,
        *,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        max_entries: int = DEFAULT_MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        self.clock = clock
        self._entries: OrderedDict[bytes, CachedCredential] = OrderedDict()
        # What was forgotten lately, and when: a check that read the row before the change committed
        # must not cache what it read (the change is announced before its transaction commits).
        self._forgotten: dict[tuple[str, uuid.UUID], float] = {}
        self._lock = Lock()

    def get(self, token: str) -> CachedCredential | None:
        """The fresh entry of `token`, or None (expired entries are dropped)."""
        digest = _digest(token)
        with self._lock:
            entry = self._entries.get(digest)
            if entry is None:
                return None
            stale = self.clock() - entry.cached_at > self.ttl_seconds
            expired = entry.valid_until is not None and entry.valid_until <= datetime.now(UTC)
            if stale or expired:
                del self._entries[digest]
                return None
            self._entries.move_to_end(digest)
            return entry

    def put(
        self,
        token: str,
        principal: Principal,
        *,
        key_id: uuid.UUID | None = None,
        user_id: uuid.UUID | None = None,
        valid_until: datetime | None = None,
        last_used_written: bool = False,
    ) -> CachedCredential:
        now = self.clock()
        entry = CachedCredential(
            principal=principal, key_id=key_id, user_id=user_id, valid_until=valid_until, cached_at=now,
            last_used_written_at=now if last_used_written else 0.0,
        )
        with self._lock:
            if self._recently_forgotten(entry, now):
                return entry  # answered, not remembered: the next use reads the committed state
            digest = _digest(token)
            self._entries[digest] = entry
            self._entries.move_to_end(digest)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return entry

    def claim_last_used_write(self, entry: CachedCredential) -> bool:
        """True at most once per interval for a key: whether this use should write `last_used_at`."""
        now = self.clock()
        with self._lock:
            if now - entry.last_used_written_at < LAST_USED_WRITE_INTERVAL_SECONDS:
                return False
            entry.last_used_written_at = now
            return True

    def forget(self, *, key_id: uuid.UUID | None = None, tenant_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None) -> int:
        """Drop the entries of a key, a tenant or a user, and cache none of theirs for a TTL; returns how many."""
        with self._lock:
            now = self.clock()
            for kind, value in (("key", key_id), ("tenant", tenant_id), ("user", user_id)):
                if value is not None:
                    self._forgotten[(kind, value)] = now
            self._forgotten = {mark: at for mark, at in self._forgotten.items() if now - at <= self.ttl_seconds}
            doomed = [
                digest
                for digest, entry in self._entries.items()
                if (key_id is not None and entry.key_id == key_id)
                or (tenant_id is not None and entry.principal.tenant_id == tenant_id)
                or (user_id is not None and entry.user_id == user_id)
            ]
            for digest in doomed:
                del self._entries[digest]
            return len(doomed)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def _recently_forgotten(self, entry: CachedCredential, now: float) -> bool:
        marks = (("key", entry.key_id), ("tenant", entry.principal.tenant_id), ("user", entry.user_id))
        return any(now - self._forgotten.get(mark, float("-inf")) <= self.ttl_seconds for mark in marks if mark[1] is not None)

    def __len__(self) -> int:
        return len(self._entries)


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


CREDENTIALS = CredentialCache()
"""This process's cache."""
