"""Customer service: tickets raised by customers, who works on them, and every status they went through."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from domain.crm.service import Channel
from domain.service.sla import Priority
from tenants.ownership import TenantOwnedModel


class TicketStatus(StrEnum):
    NEW = "new"
    OPEN = "open"
    WAITING_ON_CUSTOMER = "waiting_on_customer"
    RESOLVED = "resolved"
    CLOSED = "closed"


class Ticket(TenantOwnedModel):
    """A customer's request to the service desk. Its SLA clock stops while waiting on the customer."""

    number = fields.CharField(max_length=32)
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "concord.Customer", related_name="tickets", on_delete=fields.NO_ACTION
    )
    customer_id: object
    contact: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Contact", related_name="tickets", null=True, on_delete=fields.SET_NULL
    )
    contact_id: object
    subject = fields.CharField(max_length=200)
    description = fields.TextField(null=True)
    channel = fields.CharEnumField(Channel, max_length=16)
    priority = fields.CharEnumField(Priority, max_length=16, default=Priority.NORMAL)
    status = fields.CharEnumField(TicketStatus, max_length=24, default=TicketStatus.NEW)
    assignee: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Employee", related_name="assigned_tickets", null=True, on_delete=fields.SET_NULL
    )
    assignee_id: object
    opened_at = fields.DatetimeField()
    sla_due_at = fields.DatetimeField()
    sla_paused_since = fields.DatetimeField(null=True)
    sla_paused_seconds = fields.BigIntField(default=0)
    resolved_at = fields.DatetimeField(null=True)
    sla_met = fields.BooleanField(null=True)

    class Meta:
        table = "service_tickets"
        unique_together = (("tenant_id", "number"),)
        indexes = (
            ("tenant_id", "customer_id", "status"),
            ("tenant_id", "status", "sla_due_at"),
            ("tenant_id", "assignee_id", "status"),
        )


class TicketStatusChange(TenantOwnedModel):
    """A ticket moving from one status to another, when and by whom. Never edited."""

    ticket: fields.ForeignKeyRelation[Ticket] = fields.ForeignKeyField(
        "concord.Ticket", related_name="status_changes", on_delete=fields.CASCADE
    )
    ticket_id: object
    from_status = fields.CharEnumField(TicketStatus, max_length=24, null=True)
    to_status = fields.CharEnumField(TicketStatus, max_length=24)
    changed_at = fields.DatetimeField()
    changed_by = fields.CharField(max_length=80)
    note = fields.CharField(max_length=500, null=True)

    class Meta:
        table = "service_ticket_status_changes"
        indexes = (("tenant_id", "ticket_id", "changed_at"),)
