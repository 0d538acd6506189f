"""IT filter and order inputs."""

from __future__ import annotations

from enum import Enum

import strawberry
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from api.it.enums import AssetKind, AssetStatus, RequestPriority, SupportRequestStatus
from api.node_ids import decode_global_id
from api.ordering import OrderDirection


@strawberry.input(description="Narrow the assets; every given field must match.")
class AssetFilter:
    status: AssetStatus | None = None
    kind: AssetKind | None = None
    assigned_to_id: strawberry.ID | None = strawberry.field(default=None, description="Assets this employee holds now.")
    search: str | None = strawberry.field(default=None, description="Part of the tag, name or serial number.")

    def apply(self, query: QuerySet) -> QuerySet:
        if self.status:
            query = query.filter(status=self.status)
        if self.kind:
            query = query.filter(kind=self.kind)
        if self.assigned_to_id:
            query = query.filter(assigned_to_id=decode_global_id(self.assigned_to_id, expected_type="Employee"))
        if self.search:
            query = query.filter(
                Q(asset_tag__icontains=self.search) | Q(name__icontains=self.search) | Q(serial_number__icontains=self.search)
            )
        return query


@strawberry.enum
class AssetOrderField(Enum):
    ASSET_TAG = "asset_tag"
    NAME = "name"
    PURCHASED_ON = "purchased_on"


@strawberry.input
class AssetOrder:
    field: AssetOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the support requests; every given field must match.")
class SupportRequestFilter:
    status: SupportRequestStatus | None = None
    priority: RequestPriority | None = None
    requester_id: strawberry.ID | None = None
    assignee_id: strawberry.ID | None = None
    asset_id: strawberry.ID | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.status:
            query = query.filter(status=self.status)
        if self.priority:
            query = query.filter(priority=self.priority)
        if self.requester_id:
            query = query.filter(requester_id=decode_global_id(self.requester_id, expected_type="Employee"))
        if self.assignee_id:
            query = query.filter(assignee_id=decode_global_id(self.assignee_id, expected_type="Employee"))
        if self.asset_id:
            query = query.filter(asset_id=decode_global_id(self.asset_id, expected_type="Asset"))
        return query


@strawberry.enum
class SupportRequestOrderField(Enum):
    CREATED_AT = "created_at"
    NUMBER = "number"


@strawberry.input
class SupportRequestOrder:
    field: SupportRequestOrderField
    direction: OrderDirection = OrderDirection.ASC
