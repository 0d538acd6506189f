"""Live updates over graphql-transport-ws: the tenant's business events as they happen."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from api.context import Info
from api.permissions import Requires
from api.subscriptions.events import tenant_events
from domain.bots import events as bots_events
from domain.finance import events as finance_events
from domain.operations import events as operations_events
from domain.outbox.models import OutboxEvent
from domain.sales import events as sales_events
from domain.service import events as service_events
from tenants.permissions import Scope

# Each subscription field and the domain event types it streams (the constants the domain records).
EVENT_TYPES = {
    "ticket_updated": (service_events.TICKET_OPENED, service_events.TICKET_UPDATED),
    "invoice_paid": (finance_events.INVOICE_PAID,),
    "deal_stage_changed": (sales_events.DEAL_STAGE_CHANGED, sales_events.DEAL_WON, sales_events.DEAL_LOST),
    "stock_low": (operations_events.STOCK_LOW,),
    "job_updated": ("automation.job_updated",),
    "bot_run_updated": (bots_events.RUN_UPDATED,),
    "portal_changed": (bots_events.PORTAL_CHANGED,),
}


@strawberry.type(description="A business event of the tenant, as recorded with the change that caused it.")
class TenantEvent:
    id: strawberry.ID
    type: str
    occurred_at: datetime
    payload: JSON

    @classmethod
    def from_model(cls, event: OutboxEvent) -> TenantEvent:
        return cls(id=strawberry.ID(str(event.id)), type=event.event_type, occurred_at=event.created_at, payload=event.payload)


async def _stream(info: Info, field: str) -> AsyncGenerator[TenantEvent, None]:
    principal = info.context.require_principal()
    access = info.context.access  # set on websockets: no event goes out on a credential that stopped counting
    async for event in tenant_events(principal.tenant_id, EVENT_TYPES[field]):
        if access is not None:
            await access.ensure_allowed()
        yield TenantEvent.from_model(event)


@strawberry.type
class Subscription:
    @strawberry.subscription(
        permission_classes=[Requires(Scope.SERVICE_READ)],
        description="A ticket was created or changed (status, priority, assignment, SLA).",
    )
    async def ticket_updated(self, info: Info) -> AsyncGenerator[TenantEvent, None]:
        async for event in _stream(info, "ticket_updated"):
            yield event

    @strawberry.subscription(
        permission_classes=[Requires(Scope.FINANCE_READ)],
        description="An invoice was paid in full.",
    )
    async def invoice_paid(self, info: Info) -> AsyncGenerator[TenantEvent, None]:
        async for event in _stream(info, "invoice_paid"):
            yield event

    @strawberry.subscription(
        permission_classes=[Requires(Scope.SALES_READ)],
        description="A deal moved to another stage, or was won or lost.",
    )
    async def deal_stage_changed(self, info: Info) -> AsyncGenerator[TenantEvent, None]:
        async for event in _stream(info, "deal_stage_changed"):
            yield event

    @strawberry.subscription(
        permission_classes=[Requires(Scope.OPERATIONS_READ)],
        description="A product fell below its reorder point.",
    )
    async def stock_low(self, info: Info) -> AsyncGenerator[TenantEvent, None]:
        async for event in _stream(info, "stock_low"):
            yield event

    @strawberry.subscription(
        permission_classes=[Requires(Scope.AUTOMATION_WRITE)],
        description="An automation job changed state.",
    )
    async def job_updated(self, info: Info) -> AsyncGenerator[TenantEvent, None]:
        async for event in _stream(info, "job_updated"):
            yield event

    @strawberry.subscription(
        permission_classes=[Requires(Scope.BOTS_RUN)],
        description="A bot run changed state or finished a step.",
    )
    async def bot_run_updated(self, info: Info) -> AsyncGenerator[TenantEvent, None]:
        async for event in _stream(info, "bot_run_updated"):
            yield event

    @strawberry.subscription(
        permission_classes=[Requires(Scope.BOTS_RUN)],
        description="A canary found elements the bots rely on gone from a portal (payload: portal, run_id, missing).",
    )
    async def portal_changed(self, info: Info) -> AsyncGenerator[TenantEvent, None]:
        async for event in _stream(info, "portal_changed"):
            yield event
