"""Automatic Persisted Queries (Apollo's protocol): a client may send a query's SHA-256 instead of its text.

- `extensions.persistedQuery = {"version": 1, "sha256Hash": …}` without `query`: the stored query runs,
  or the answer is PERSISTED_QUERY_NOT_FOUND (message `PersistedQueryNotFound`), and the client sends
  the hash and the query together;
- with `query`: the hash must be the query's (PERSISTED_QUERY_HASH_MISMATCH otherwise), and the query
  is stored once it has passed validation and run.

Works the same over GET and POST. The store is an interface so that Redis can back it later; this
process keeps a bounded LRU.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Protocol

from api.errors import ErrorCode, RequestError

SUPPORTED_VERSION = 1
_SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
# A miss must not be cached by a CDN in front of GET requests: the next request registers the query.
_NOT_CACHEABLE = {"Cache-Control": "private, no-cache, must-revalidate"}


class PersistedQueryStore(Protocol):
    """Where persisted queries live, by the lowercase hex SHA-256 of their text."""

    async def get(self, sha256_hash: str) -> str | None: ...

    async def put(self, sha256_hash: str, query: str) -> None: ...


class InMemoryPersistedQueries:
    """A least-recently-used store in this process, bounded by entries and by total characters."""

    def __init__(self, *, max_entries: int, max_characters: int = 16 * 1024 * 1024) -> None:
        self.max_entries = max_entries
        self.max_characters = max_characters
        self._queries: OrderedDict[str, str] = OrderedDict()
        self._characters = 0

    def __len__(self) -> int:
        return len(self._queries)

    async def get(self, sha256_hash: str) -> str | None:
        query = self._queries.get(sha256_hash)
        if query is not None:
            self._queries.move_to_end(sha256_hash)
        return query

    async def put(self, sha256_hash: str, query: str) -> None:
        if len(query) > self.max_characters:
            return
        previous = self._queries.pop(sha256_hash, None)
        if previous is not None:
            self._characters -= len(previous)
        self._queries[sha256_hash] = query
        self._characters += len(query)
        while len(self._queries) > self.max_entries or self._characters > self.max_characters:
            _, dropped = self._queries.popitem(last=False)
            self._characters -= len(dropped)


@dataclass(frozen=True)
class ResolvedQuery:
    query: str | None
    register_as: str | None = None  # the hash to store `query` under once it has run


def query_hash(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()


async def resolve_persisted_query(
    query: str | None, extensions: dict[str, Any] | None, store: PersistedQueryStore | None
) -> ResolvedQuery:
    """The query text a request stands for; RequestError for an unknown hash or a mismatched one."""
    persisted = (extensions or {}).get("persistedQuery")
    if persisted is None:
        return ResolvedQuery(query)
    if store is None:
        raise RequestError(ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, "PersistedQueryNotSupported")
    sha256_hash = _checked_hash(persisted)
    if query is None:
        stored = await store.get(sha256_hash)
        if stored is None:
            raise RequestError(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound", headers=_NOT_CACHEABLE)
        return ResolvedQuery(stored)
    if query_hash(query) != sha256_hash:
        raise RequestError(
            ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
            "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query",
            status=400,
        )
    return ResolvedQuery(query, register_as=sha256_hash)


def _checked_hash(persisted: Any) -> str:
    if not isinstance(persisted, dict) or persisted.get("version") != SUPPORTED_VERSION:
        raise RequestError(
            ErrorCode.BAD_REQUEST, f"persistedQuery must be {{version: {SUPPORTED_VERSION}, sha256Hash}}", status=400
        )
    sha256_hash = persisted.get("sha256Hash")
    if not isinstance(sha256_hash, str) or not _SHA256_HEX.match(sha256_hash.lower()):
        raise RequestError(
            ErrorCode.BAD_REQUEST, "persistedQuery.sha256Hash must be 64 hexadecimal characters", status=400
        )
    return sha256_hash.lower()
