"""Sales filter and order inputs."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

import strawberry
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from api.node_ids import decode_global_id
from api.ordering import OrderDirection
from api.sales.enums import DealStatus, LeadStatus, QuoteStatus, SalesOrderStatus


@strawberry.input(description="Narrow the leads; every given field must match.")
class LeadFilter:
    status: LeadStatus | None = None
    search: str | None = strawberry.field(default=None, description="Part of the company or contact name.")
    source: str | None = None
    owner: str | None = None
    created_after: datetime | None = None
    created_before: datetime | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.status:
            query = query.filter(status=self.status.value)
        if self.search:
            query = query.filter(Q(company_name__icontains=self.search) | Q(contact_name__icontains=self.search))
        if self.source:
            query = query.filter(source__iexact=self.source)
        if self.owner:
            query = query.filter(owner=self.owner)
        if self.created_after:
            query = query.filter(created_at__gte=self.created_after)
        if self.created_before:
            query = query.filter(created_at__lt=self.created_before)
        return query


@strawberry.enum
class LeadOrderField(Enum):
    CREATED_AT = "created_at"
    COMPANY_NAME = "company_name"
    STATUS = "status"


@strawberry.input
class LeadOrder:
    field: LeadOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the pipelines; every given field must match.")
class PipelineFilter:
    name_contains: str | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.name_contains:
            query = query.filter(name__icontains=self.name_contains)
        return query


@strawberry.enum
class PipelineOrderField(Enum):
    NAME = "name"
    CREATED_AT = "created_at"


@strawberry.input
class PipelineOrder:
    field: PipelineOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the deals; every given field must match.")
class DealFilter:
    customer_id: strawberry.ID | None = None
    pipeline_id: strawberry.ID | None = None
    stage_id: strawberry.ID | None = None
    status: DealStatus | None = None
    name_contains: str | None = None
    owner: str | None = None
    expected_close_before: date | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.customer_id:
            query = query.filter(customer_id=decode_global_id(self.customer_id, expected_type="Customer"))
        if self.pipeline_id:
            query = query.filter(pipeline_id=decode_global_id(self.pipeline_id, expected_type="Pipeline"))
        if self.stage_id:
            query = query.filter(stage_id=decode_global_id(self.stage_id, expected_type="PipelineStage"))
        if self.status:
            query = query.filter(status=self.status.value)
        if self.name_contains:
            query = query.filter(name__icontains=self.name_contains)
        if self.owner:
            query = query.filter(owner=self.owner)
        if self.expected_close_before:
            query = query.filter(expected_close_on__lt=self.expected_close_before)
        return query


@strawberry.enum
class DealOrderField(Enum):
    CREATED_AT = "created_at"
    NAME = "name"
    AMOUNT = "amount"
    EXPECTED_CLOSE_ON = "expected_close_on"


@strawberry.input
class DealOrder:
    field: DealOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the quotes; every given field must match.")
class QuoteFilter:
    customer_id: strawberry.ID | None = None
    deal_id: strawberry.ID | None = None
    status: QuoteStatus | None = None
    number: str | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.customer_id:
            query = query.filter(customer_id=decode_global_id(self.customer_id, expected_type="Customer"))
        if self.deal_id:
            query = query.filter(deal_id=decode_global_id(self.deal_id, expected_type="Deal"))
        if self.status:
            query = query.filter(status=self.status.value)
        if self.number:
            query = query.filter(number=self.number)
        return query


@strawberry.enum
class QuoteOrderField(Enum):
    CREATED_AT = "created_at"
    NUMBER = "number"
    TOTAL = "total"
    VALID_UNTIL = "valid_until"


@strawberry.input
class QuoteOrder:
    field: QuoteOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the sales orders; every given field must match.")
class SalesOrderFilter:
    customer_id: strawberry.ID | None = None
    deal_id: strawberry.ID | None = None
    status: SalesOrderStatus | None = None
    number: str | None = None
    ordered_after: date | None = strawberry.field(default=None, description="On or after this day.")
    ordered_before: date | None = strawberry.field(default=None, description="Before this day.")

    def apply(self, query: QuerySet) -> QuerySet:
        if self.customer_id:
            query = query.filter(customer_id=decode_global_id(self.customer_id, expected_type="Customer"))
        if self.deal_id:
            query = query.filter(deal_id=decode_global_id(self.deal_id, expected_type="Deal"))
        if self.status:
            query = query.filter(status=self.status.value)
        if self.number:
            query = query.filter(number=self.number)
        if self.ordered_after:
            query = query.filter(ordered_on__gte=self.ordered_after)
        if self.ordered_before:
            query = query.filter(ordered_on__lt=self.ordered_before)
        return query


@strawberry.enum
class SalesOrderOrderField(Enum):
    ORDERED_ON = "ordered_on"
    CREATED_AT = "created_at"
    NUMBER = "number"
    TOTAL = "total"


@strawberry.input
class SalesOrderOrder:
    field: SalesOrderOrderField
    direction: OrderDirection = OrderDirection.ASC
