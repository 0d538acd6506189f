"""`orderBy` inputs: a field and a direction, always completed to a total order by id."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, Protocol, TypeVar

import strawberry
from tortoise.queryset import QuerySet

Row = TypeVar("Row")


@strawberry.enum(description="Ascending or descending.")
class OrderDirection(Enum):
    ASC = "asc"
    DESC = "desc"


class Ordering(Protocol):
    field: Enum  # whose value is the model field to sort by
    direction: OrderDirection


class Narrowing(Protocol):
    def apply(self, query: QuerySet) -> QuerySet: ...


def apply_order(queryset: QuerySet, order: Ordering | None, *, default: tuple[str, ...]) -> QuerySet:
    """`queryset` sorted by `order` (or `default`), with id last so pages never overlap or skip."""
    if order is None:
        return queryset.order_by(*default)
    sign = "-" if order.direction is OrderDirection.DESC else ""
    return queryset.order_by(f"{sign}{order.field.value}", f"{sign}id")


def narrow(queryset: QuerySet, filter: Narrowing | None, order: Ordering | None) -> QuerySet:
    """A nested list's rows: `filter` applied and sorted by `order`; without `order` the list keeps its natural order."""
    if filter is not None:
        queryset = filter.apply(queryset)
    if order is not None:
        queryset = apply_order(queryset, order, default=())
    return queryset


def sort_rows(rows: Sequence[Row], order: Ordering | None, *, tie_break: Callable[[Row], Any]) -> list[Row]:
    """Read-model rows (computed, not queried) sorted by `order`'s field, then `tie_break`, so pages stay stable.

    Without `order` the rows keep the read model's own order.
    """
    if order is None:
        return list(rows)
    field = order.field.value
    return sorted(rows, key=lambda row: (getattr(row, field), tie_break(row)), reverse=order.direction is OrderDirection.DESC)
