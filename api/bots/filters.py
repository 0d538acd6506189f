"""Bots filter and order inputs."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry
from tortoise.queryset import QuerySet

from api.bots.types import BotRunStatus, PaymentOrderStatus
from api.ordering import OrderDirection
from domain.bots.models import LayoutStatus

BotPortalLayoutStatus = strawberry.enum(
    LayoutStatus, name="BotPortalLayoutStatus", description="Whether the elements the bots rely on are still on the portal's pages."
)


@strawberry.input(description="Narrow the runs; every given field must match.")
class BotRunFilter:
    bot: str | None = None
    status: list[BotRunStatus] | None = None
    started_by: str | None = None
    created_after: datetime | None = None
    created_before: datetime | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.bot:
            query = query.filter(bot=self.bot)
        if self.status:
            query = query.filter(status__in=[status.value for status in self.status])
        if self.started_by:
            query = query.filter(started_by=self.started_by)
        if self.created_after:
            query = query.filter(created_at__gte=self.created_after)
        if self.created_before:
            query = query.filter(created_at__lt=self.created_before)
        return query


@strawberry.enum
class BotRunOrderField(Enum):
    CREATED_AT = "created_at"
    STARTED_AT = "started_at"
    FINISHED_AT = "finished_at"
    BOT = "bot"
    STATUS = "status"


@strawberry.input
class BotRunOrder:
    field: BotRunOrderField
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input(name="OutgoingPaymentFilter", description="Narrow the payment orders.")
class PaymentOrderFilter:
    status: list[PaymentOrderStatus] | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        return query.filter(status__in=[status.value for status in self.status]) if self.status else query


@strawberry.enum(name="OutgoingPaymentOrderField")
class PaymentOrderOrderField(Enum):
    CREATED_AT = "created_at"
    AMOUNT = "amount"
    BENEFICIARY = "beneficiary"
    STATUS = "status"


@strawberry.input(name="OutgoingPaymentOrder")
class PaymentOrderOrder:
    field: PaymentOrderOrderField
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input(description="Narrow the portals; every given field must match.")
class BotPortalFilter:
    portal: list[str] | None = strawberry.field(default=None, description="Portal names, e.g. bank, tax, supplier.")
    layout_status: list[BotPortalLayoutStatus] | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.portal:
            query = query.filter(portal__in=self.portal)
        if self.layout_status:
            query = query.filter(layout_status__in=[status.value for status in self.layout_status])
        return query


@strawberry.enum
class BotPortalOrderField(Enum):
    PORTAL = "portal"
    LAYOUT_STATUS = "layout_status"
    CANARY_CHECKED_AT = "canary_checked_at"


@strawberry.input
class BotPortalOrder:
    field: BotPortalOrderField
    direction: OrderDirection = OrderDirection.ASC
