"""Marketing filter and order inputs."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry
from tortoise.queryset import QuerySet

from api.marketing.enums import CampaignChannel, CampaignStatus, MemberResponse
from api.node_ids import decode_global_id
from api.ordering import OrderDirection


@strawberry.input(description="Narrow the segments; every given field must match.")
class SegmentFilter:
    name_contains: str | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.name_contains:
            query = query.filter(name__icontains=self.name_contains)
        return query


@strawberry.enum
class SegmentOrderField(Enum):
    NAME = "name"
    CREATED_AT = "created_at"


@strawberry.input
class SegmentOrder:
    field: SegmentOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the campaigns; every given field must match.")
class CampaignFilter:
    status: CampaignStatus | None = None
    channel: CampaignChannel | None = None
    segment_id: strawberry.ID | None = None
    name_contains: str | None = None
    starts_after: date | None = strawberry.field(default=None, description="Starting on or after this day.")
    starts_before: date | None = strawberry.field(default=None, description="Starting before this day.")

    def apply(self, query: QuerySet) -> QuerySet:
        if self.status:
            query = query.filter(status=self.status.value)
        if self.channel:
            query = query.filter(channel=self.channel.value)
        if self.segment_id:
            query = query.filter(segment_id=decode_global_id(self.segment_id, expected_type="Segment"))
        if self.name_contains:
            query = query.filter(name__icontains=self.name_contains)
        if self.starts_after:
            query = query.filter(starts_on__gte=self.starts_after)
        if self.starts_before:
            query = query.filter(starts_on__lt=self.starts_before)
        return query


@strawberry.enum
class CampaignOrderField(Enum):
    CREATED_AT = "created_at"
    NAME = "name"
    STARTS_ON = "starts_on"
    BUDGET = "budget"


@strawberry.input
class CampaignOrder:
    field: CampaignOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow a campaign's members; every given field must match.")
class CampaignMemberFilter:
    response: MemberResponse | None = None
    customer_id: strawberry.ID | None = None
    responded: bool | None = strawberry.field(default=None, description="True: only members who reacted at all; false: only those who did not.")

    def apply(self, query: QuerySet) -> QuerySet:
        if self.response:
            query = query.filter(response=self.response.value)
        if self.customer_id:
            query = query.filter(customer_id=decode_global_id(self.customer_id, expected_type="Customer"))
        if self.responded is not None:
            query = query.filter(responded_at__isnull=not self.responded)
        return query


@strawberry.enum
class CampaignMemberOrderField(Enum):
    ADDED_AT = "created_at"
    RESPONDED_AT = "responded_at"
    RESPONSE = "response"


@strawberry.input
class CampaignMemberOrder:
    field: CampaignMemberOrderField
    direction: OrderDirection = OrderDirection.ASC
