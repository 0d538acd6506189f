"""`orderBy` inputs: a field and a direction, always completed to a total order by id."""

from __future__ import annotations

from enum import Enum
from typing import Protocol

import strawberry
from tortoise.queryset import QuerySet


@strawberry.enum(description="Ascending or descending.")
class OrderDirection(Enum):
    ASC = "asc"
    DESC = "desc"


class Ordering(Protocol):
    field: Enum  # whose value is the model field to sort by
    direction: OrderDirection


def apply_order(queryset: QuerySet, order: Ordering | None, *, default: tuple[str, ...]) -> QuerySet:
    """`queryset` sorted by `order` (or `default`), with id last so pages never overlap or skip."""
    if order is None:
        return queryset.order_by(*default)
    sign = "-" if order.direction is OrderDirection.DESC else ""
    return queryset.order_by(f"{sign}{order.field.value}", f"{sign}id")
