"""Customer service filter and order inputs."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry
from tortoise.queryset import QuerySet

from api.crm.filters import InteractionChannel
from api.node_ids import decode_global_id
from api.ordering import OrderDirection
from api.service.enums import TicketPriority, TicketStatus
from domain.service import service as support_service


@strawberry.input(description="Narrow the tickets; every given field must match.")
class TicketFilter:
    customer_id: strawberry.ID | None = None
    status: TicketStatus | None = None
    priority: TicketPriority | None = None
    channel: InteractionChannel | None = None
    assignee_id: strawberry.ID | None = None
    unassigned: bool | None = strawberry.field(default=None, description="True: only tickets nobody works on; false: only assigned ones.")
    open_only: bool = strawberry.field(default=False, description="Only tickets not yet resolved or closed.")
    sla_due_before: datetime | None = None
    subject_contains: str | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.customer_id:
            query = query.filter(customer_id=decode_global_id(self.customer_id, expected_type="Customer"))
        if self.status:
            query = query.filter(status=self.status.value)
        if self.priority:
            query = query.filter(priority=self.priority.value)
        if self.channel:
            query = query.filter(channel=self.channel.value)
        if self.assignee_id:
            query = query.filter(assignee_id=decode_global_id(self.assignee_id, expected_type="Employee"))
        if self.unassigned is not None:
            query = query.filter(assignee_id__isnull=self.unassigned)
        if self.open_only:
            query = query.filter(status__in=[status.value for status in support_service.OPEN_STATUSES])
        if self.sla_due_before:
            query = query.filter(sla_due_at__lt=self.sla_due_before)
        if self.subject_contains:
            query = query.filter(subject__icontains=self.subject_contains)
        return query


@strawberry.enum
class TicketOrderField(Enum):
    SLA_DUE_AT = "sla_due_at"
    OPENED_AT = "opened_at"
    NUMBER = "number"
    UPDATED_AT = "updated_at"


@strawberry.input
class TicketOrder:
    field: TicketOrderField
    direction: OrderDirection = OrderDirection.ASC
