"""Customer service types in the graph: tickets with their SLA clock, assignment and status history.

`slaDueAt` follows the priority and moves later by the time spent waiting on the customer; while
waiting, the clock stands still (`slaPaused`, `slaRemainingSeconds` frozen).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry import relay

from api.context import Info
from api.crm import loaders as crm_loaders
from api.crm.filters import InteractionChannel
from api.crm.types import ContactNode, CustomerNode
from api.loaders import resolve_node_rows
from api.pagination import Connection, connection_from_list
from api.permissions import cross_area_field
from api.service import loaders
from api.service.enums import TicketPriority, TicketStatus
from domain.service import service as support_service
from domain.service.models import Ticket, TicketStatusChange
from tenants.permissions import Scope

Employee = Annotated["EmployeeNode", strawberry.lazy("api.hr.types")]


@strawberry.type(name="TicketStatusChange", description="A ticket moving from one status to another: when, by whom, and why.")
class TicketStatusChangeNode(relay.Node):
    read_scope = Scope.SERVICE_READ

    id: relay.NodeID[str]
    from_status: TicketStatus | None = strawberry.field(description="Null for the ticket's first status.")
    to_status: TicketStatus
    changed_at: datetime
    changed_by: str
    note: str | None
    ticket_id: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: TicketStatusChange) -> TicketStatusChangeNode:
        return cls(
            id=str(row.id), from_status=TicketStatus(str(row.from_status)) if row.from_status else None,
            to_status=TicketStatus(str(row.to_status)), changed_at=row.changed_at, changed_by=row.changed_by, note=row.note,
            ticket_id=row.ticket_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: support_service.list_ticket_status_changes(change_ids=ids), node_ids)

    @strawberry.field
    async def ticket(self, info: Info) -> TicketNode:
        return TicketNode.from_model(await loaders.ticket_by_id(info).load(self.ticket_id))


@strawberry.type(name="Ticket", description="A customer's request to the service desk, with its SLA clock.")
class TicketNode(relay.Node):
    read_scope = Scope.SERVICE_READ

    id: relay.NodeID[str]
    number: str
    subject: str
    description: str | None
    channel: InteractionChannel
    priority: TicketPriority
    status: TicketStatus
    opened_at: datetime
    sla_due_at: datetime = strawberry.field(
        description="When the ticket must be resolved: the priority's target after opening, plus all time spent waiting on the customer."
    )
    sla_paused_since: datetime | None = strawberry.field(description="Set while waiting on the customer: the SLA clock stopped then.")
    resolved_at: datetime | None
    sla_met: bool | None = strawberry.field(description="Whether it was resolved in time; null until resolved.")
    created_at: datetime
    updated_at: datetime
    row: strawberry.Private[Ticket]

    @classmethod
    def from_model(cls, row: Ticket) -> TicketNode:
        return cls(
            id=str(row.id), number=row.number, subject=row.subject, description=row.description,
            channel=InteractionChannel(str(row.channel)), priority=TicketPriority(str(row.priority)),
            status=TicketStatus(str(row.status)), opened_at=row.opened_at, sla_due_at=row.sla_due_at,
            sla_paused_since=row.sla_paused_since, resolved_at=row.resolved_at, sla_met=row.sla_met, created_at=row.created_at,
            updated_at=row.updated_at, row=row,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: support_service.list_tickets().filter(id__in=ids), node_ids)

    @strawberry.field(description="Whether the SLA clock is stopped (waiting on the customer).")
    def sla_paused(self) -> bool:
        return self.sla_paused_since is not None

    @strawberry.field(description="Seconds left until the SLA is due, frozen while paused; negative once breached.")
    def sla_remaining_seconds(self) -> int:
        return int(support_service.ticket_sla_remaining(self.row).total_seconds())

    @strawberry.field(description="Whether an open ticket is past its due time, or a resolved one was resolved late.")
    def sla_breached(self) -> bool:
        return support_service.ticket_sla_breached(self.row)

    @cross_area_field(Scope.CRM_READ, "Who raised the ticket.")
    async def customer(self, info: Info) -> CustomerNode | None:
        customer = await crm_loaders.customer_by_id(info).load(self.row.customer_id)
        return CustomerNode.from_model(customer) if customer else None

    @cross_area_field(Scope.CRM_READ, "The person at the customer, when known.")
    async def contact(self, info: Info) -> ContactNode | None:
        if self.row.contact_id is None:
            return None
        contact = await crm_loaders.contact_by_id(info).load(self.row.contact_id)
        return ContactNode.from_model(contact) if contact else None

    @strawberry.field(description="The name of the employee working on the ticket.")
    async def assignee_name(self, info: Info) -> str | None:
        if self.row.assignee_id is None:
            return None
        return await loaders.assignee_name_by_id(info).load(self.row.assignee_id)

    @cross_area_field(Scope.HR_READ, "The employee working on the ticket.")
    async def assignee(self, info: Info) -> Employee | None:
        from api.hr import loaders as hr_loaders
        from api.hr.types import EmployeeNode

        if self.row.assignee_id is None:
            return None
        employee = await hr_loaders.employee_by_id(info).load(self.row.assignee_id)
        return EmployeeNode.from_model(employee) if employee else None

    @strawberry.field(description="Every status the ticket went through, oldest first.")
    async def status_history(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[TicketStatusChangeNode]:
        rows = await loaders.status_history_by_ticket(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, TicketStatusChangeNode.from_model, first=first, after=after, last=last, before=before)
