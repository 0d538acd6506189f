"""CRM filter and order inputs."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from api.node_ids import decode_global_id
from api.ordering import OrderDirection


@strawberry.input(description="Narrow the customers; every given field must match.")
class CustomerFilter:
    name_contains: str | None = None
    email: str | None = None
    created_after: datetime | None = None
    created_before: datetime | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.name_contains:
            query = query.filter(name__icontains=self.name_contains)
        if self.email:
            query = query.filter(email__iexact=self.email)
        if self.created_after:
            query = query.filter(created_at__gte=self.created_after)
        if self.created_before:
            query = query.filter(created_at__lt=self.created_before)
        return query


@strawberry.enum
class CustomerOrderField(Enum):
    NAME = "name"
    CREATED_AT = "created_at"


@strawberry.input
class CustomerOrder:
    field: CustomerOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the contacts; every given field must match.")
class ContactFilter:
    customer_id: strawberry.ID | None = None
    name_contains: str | None = None
    email: str | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.customer_id:
            query = query.filter(customer_id=decode_global_id(self.customer_id, expected_type="Customer"))
        if self.name_contains:
            query = query.filter(Q(first_name__icontains=self.name_contains) | Q(last_name__icontains=self.name_contains))
        if self.email:
            query = query.filter(email__iexact=self.email)
        return query


@strawberry.enum
class ContactOrderField(Enum):
    LAST_NAME = "last_name"
    FIRST_NAME = "first_name"
    EMAIL = "email"
    CREATED_AT = "created_at"


@strawberry.input
class ContactOrder:
    field: ContactOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.enum
class InteractionChannel(Enum):
    EMAIL = "email"
    PHONE = "phone"
    CHAT = "chat"
    MEETING = "meeting"
    PORTAL = "portal"


@strawberry.enum
class InteractionDirection(Enum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


@strawberry.input(description="Narrow the interactions; every given field must match.")
class InteractionFilter:
    customer_id: strawberry.ID | None = None
    channel: InteractionChannel | None = None
    occurred_after: datetime | None = None
    occurred_before: datetime | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.customer_id:
            query = query.filter(customer_id=decode_global_id(self.customer_id, expected_type="Customer"))
        if self.channel:
            query = query.filter(channel=self.channel.value)
        if self.occurred_after:
            query = query.filter(occurred_at__gte=self.occurred_after)
        if self.occurred_before:
            query = query.filter(occurred_at__lt=self.occurred_before)
        return query


@strawberry.enum
class InteractionOrderField(Enum):
    OCCURRED_AT = "occurred_at"
    CHANNEL = "channel"
    SUBJECT = "subject"


@strawberry.input
class InteractionOrder:
    field: InteractionOrderField
    direction: OrderDirection = OrderDirection.DESC
