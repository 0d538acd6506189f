"""Relay cursor connections over tenant-scoped querysets: `first/after/last/before` and `totalCount`."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import strawberry
from strawberry import relay
from tortoise.queryset import QuerySet

from api.errors import CodedError, ErrorCode

NodeType = TypeVar("NodeType")
MAX_PAGE_SIZE = 100
_CURSOR_PREFIX = "offset:"


@strawberry.type(name="Connection", description="A page of a list, with cursors and the list's total size.")
class Connection(relay.Connection[NodeType], Generic[NodeType]):
    _queryset: strawberry.Private[Any]
    _total: strawberry.Private[int | None] = None

    @strawberry.field(description="How many items the whole list holds, across all pages.")
    async def total_count(self) -> int:
        return self._total if self._total is not None else await self._queryset.count()


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str, argument: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not text.startswith(_CURSOR_PREFIX):
            raise ValueError
        offset = int(text.removeprefix(_CURSOR_PREFIX))
        if offset < 0:
            raise ValueError
        return offset
    except ValueError:
        raise CodedError(ErrorCode.BAD_USER_INPUT, f"{argument}: {cursor!r} is not a cursor of this list") from None


def _check_size(value: int | None, argument: str) -> None:
    if value is not None and not 0 <= value <= MAX_PAGE_SIZE:
        raise CodedError(ErrorCode.BAD_USER_INPUT, f"{argument} must be between 0 and {MAX_PAGE_SIZE}, not {value}")


async def paginate(
    queryset: QuerySet,
    to_node: Callable[[Any], NodeType],
    *,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> Connection[NodeType]:
    """One page of `queryset`, whose order must be total (end with a unique column)."""
    _check_size(first, "first")
    _check_size(last, "last")
    start = decode_cursor(after, "after") + 1 if after else 0
    end = decode_cursor(before, "before") if before else None
    if first is None and last is None:
        first = MAX_PAGE_SIZE if end is None else min(MAX_PAGE_SIZE, max(end - start, 0))
    if last is not None:
        if end is None:
            end = await queryset.count()
        start = max(start, end - last)
        if first is not None:
            end = min(end, start + first)
    else:
        end = start + first if end is None else min(end, start + first)
    limit = max(end - start, 0)
    # One extra row tells whether another page follows without a COUNT.
    rows = list(await queryset.offset(start).limit(limit + 1)) if limit else []
    has_more = len(rows) > limit
    rows = rows[:limit]
    edges = [relay.Edge(node=to_node(row), cursor=encode_cursor(start + index)) for index, row in enumerate(rows)]
    page_info = relay.PageInfo(
        has_next_page=has_more,
        has_previous_page=start > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=page_info, _queryset=queryset)


def connection_from_list(
    items: list[Any],
    to_node: Callable[[Any], NodeType],
    *,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> Connection[NodeType]:
    """A page of a list already in memory: a nested list whose rows a DataLoader fetched in one batch."""
    _check_size(first, "first")
    _check_size(last, "last")
    start = decode_cursor(after, "after") + 1 if after else 0
    end = min(decode_cursor(before, "before"), len(items)) if before else len(items)
    if first is not None:
        end = min(end, start + first)
    if last is not None:
        start = max(start, end - last)
    if first is None and last is None:
        end = min(end, start + MAX_PAGE_SIZE)
    window = items[start:end] if end > start else []
    edges = [relay.Edge(node=to_node(row), cursor=encode_cursor(start + index)) for index, row in enumerate(window)]
    page_info = relay.PageInfo(
        has_next_page=end < len(items),
        has_previous_page=start > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=page_info, _queryset=None, _total=len(items))
