"""DataLoaders, built per request: batching a nested list's queries, caching only within a request.

A loader is keyed by its class in `RequestContext.loaders`, so one request shares one instance and
no cache ever outlives the request (or crosses tenants).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from api.context import Info
from api.node_ids import parse_node_ids

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def loader_for(info: Info, name: str, batch: Callable[[list[Any]], Awaitable[list[Any]]]) -> DataLoader:
    """The request's loader called `name`, created on first use."""
    loaders = info.context.loaders
    if name not in loaders:
        loaders[name] = DataLoader(load_fn=batch)
    return loaders[name]


def variant(*inputs: object) -> str:
    """The loader-name suffix of a nested list's filter and order inputs: each combination asked for gets a
    loader of its own, so a page of parents costs one query per combination, never one per parent."""
    return "" if all(value is None for value in inputs) else repr(inputs)


def grouped(rows: Iterable[V], keys: Sequence[K], key_of: Callable[[V], K]) -> list[list[V]]:
    """Rows grouped under each of `keys`, in the keys' order (an empty list for a key with none)."""
    by_key: dict[K, list[V]] = defaultdict(list)
    for row in rows:
        by_key[key_of(row)].append(row)
    return [by_key.get(key, []) for key in keys]


def regrouped(rows: Sequence[V], id_groups: Sequence[Sequence[uuid.UUID]], *, ordered: bool) -> list[list[V]]:
    """One query's rows shared out to groups of ids: in the query's order when it was ordered, else in each group's."""
    if ordered:
        wanted = [set(group) for group in id_groups]
        return [[row for row in rows if row.id in ids] for ids in wanted]
    found = {row.id: row for row in rows}
    return [[found[row_id] for row_id in group if row_id in found] for group in id_groups]


def by_id(rows: Iterable[V], keys: Sequence[uuid.UUID]) -> list[V | None]:
    """Rows matched to `keys` by their id, None where a key has no row."""
    found = {row.id: row for row in rows}
    return [found.get(key) for key in keys]


async def resolve_node_rows(
    node_type: Any, rows_for: Callable[[list[uuid.UUID]], Awaitable[Iterable[Any]]], node_ids: Iterable[str]
) -> list[Any]:
    """`resolve_nodes` for a Node type: its rows for the ids (`rows_for` reads them tenant-scoped), in the
    order asked, None where an id is malformed or matches nothing."""
    wanted = parse_node_ids(list(node_ids))
    rows = await rows_for([row_id for row_id in wanted if row_id is not None])
    return [node_type.from_model(row) if row else None for row in by_id(rows, wanted)]
