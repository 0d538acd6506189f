"""Customer service services: tickets, their status history, assignment and SLA clock."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from tortoise.functions import Count
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.crm import service as crm_service
from domain.errors import DomainError
from domain.hr import service as hr_service
from domain.outbox import record_event
from domain.sequences.service import next_number
from domain.service import events
from domain.service.errors import ServiceErrorCode
from domain.service.models import Ticket, TicketStatus, TicketStatusChange
from domain.service.sla import Priority, is_sla_breached, paused_until, sla_due_at, sla_remaining
from domain.validation import optional_text, required_text
from tenants.ownership import create_owned, scoped

OPEN_STATUSES = (TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER)
# Where a ticket may go from each status. NEW is only ever the first status.
TRANSITIONS: dict[TicketStatus, set[TicketStatus]] = {
    TicketStatus.NEW: {TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.RESOLVED, TicketStatus.CLOSED},
    TicketStatus.OPEN: {TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.RESOLVED, TicketStatus.CLOSED},
    TicketStatus.WAITING_ON_CUSTOMER: {TicketStatus.OPEN, TicketStatus.RESOLVED, TicketStatus.CLOSED},
    TicketStatus.RESOLVED: {TicketStatus.OPEN, TicketStatus.CLOSED},
    TicketStatus.CLOSED: set(),
}


def list_tickets(
    *, customer_id: uuid.UUID | None = None, status: TicketStatus | None = None, assignee_id: uuid.UUID | None = None, open_only: bool = False
) -> QuerySet[Ticket]:
    """Tickets, most urgent SLA first, optionally of one customer, status or assignee."""
    query = scoped(Ticket)
    if customer_id is not None:
        query = query.filter(customer_id=customer_id)
    if status is not None:
        query = query.filter(status=status)
    if assignee_id is not None:
        query = query.filter(assignee_id=assignee_id)
    if open_only:
        query = query.filter(status__in=OPEN_STATUSES)
    return query.order_by("sla_due_at", "created_at")


async def get_ticket_or_raise(*, ticket_id: uuid.UUID) -> Ticket:
    """The ticket with this id, or NOT_FOUND."""
    ticket = await scoped(Ticket).get_or_none(id=ticket_id)
    if ticket is None:
        raise DomainError(ServiceErrorCode.NOT_FOUND, "ticket not found", field="ticket_id")
    return ticket


def ticket_status_history(*, ticket_id: uuid.UUID) -> QuerySet[TicketStatusChange]:
    """A ticket's status changes, oldest first."""
    return scoped(TicketStatusChange).filter(ticket_id=ticket_id).order_by("changed_at", "created_at")


async def _record(ticket: Ticket, *, change: str) -> None:
    await record_event(
        event_type=events.TICKET_UPDATED,
        payload=events.ticket_state(ticket, change=change),
        idempotency_key=f"{events.TICKET_UPDATED}:{ticket.id}:{uuid.uuid4()}",
    )


async def open_ticket(
    *,
    customer_id: uuid.UUID,
    subject: str,
    channel: crm_service.Channel,
    opened_by: str,
    priority: Priority = Priority.NORMAL,
    description: str | None = None,
    contact_id: uuid.UUID | None = None,
    at: datetime | None = None,
) -> Ticket:
    """Open a ticket for a customer; its SLA is due the priority's target after `at`."""
    customer = await crm_service.get_customer_or_raise(customer_id=customer_id)
    contact = await crm_service.get_contact_or_raise(contact_id=contact_id) if contact_id else None
    if contact is not None and contact.customer_id != customer.id:
        raise DomainError(ServiceErrorCode.CONTACT_OF_ANOTHER_CUSTOMER, "the contact belongs to another customer", field="contact_id")
    opened_at = at or clock.now()
    priority = Priority(priority)
    async with in_transaction():
        ticket = await create_owned(
            Ticket,
            number=await next_number(model=Ticket, prefix="T-"),
            customer=customer,
            contact=contact,
            subject=required_text(subject, field="subject", max_length=200),
            description=description,
            channel=crm_service.Channel(channel),
            priority=priority,
            opened_at=opened_at,
            sla_due_at=sla_due_at(opened_at=opened_at, priority=priority),
        )
        await create_owned(
            TicketStatusChange, ticket=ticket, to_status=TicketStatus.NEW, changed_at=opened_at,
            changed_by=required_text(opened_by, field="opened_by", max_length=80),
        )
        await record_event(
            event_type=events.TICKET_OPENED,
            payload=events.ticket_state(ticket, change="opened"),
            idempotency_key=f"{events.TICKET_OPENED}:{ticket.id}",
        )
    return ticket


async def _locked_ticket(ticket_id: uuid.UUID) -> Ticket:
    ticket = await scoped(Ticket).select_for_update().get_or_none(id=ticket_id)
    if ticket is None:
        raise DomainError(ServiceErrorCode.NOT_FOUND, "ticket not found", field="ticket_id")
    if ticket.status is TicketStatus.CLOSED:
        raise DomainError(ServiceErrorCode.TICKET_CLOSED, "the ticket is closed", field="ticket_id")
    return ticket


async def change_ticket_status(
    *, ticket_id: uuid.UUID, status: TicketStatus, changed_by: str, note: str | None = None, at: datetime | None = None
) -> Ticket:
    """Move a ticket to another status, recording the change. Entering WAITING_ON_CUSTOMER pauses the
    SLA clock, leaving it resumes the clock and shifts the due time by the pause."""
    status = TicketStatus(status)
    at = at or clock.now()
    async with in_transaction():
        ticket = await _locked_ticket(ticket_id)
        if status not in TRANSITIONS[ticket.status]:
            raise DomainError(ServiceErrorCode.INVALID_TRANSITION, f"a {ticket.status} ticket cannot become {status}", field="status")
        previous = ticket.status
        if previous is TicketStatus.WAITING_ON_CUSTOMER and ticket.sla_paused_since is not None:
            paused = paused_until(paused_total=timedelta(seconds=ticket.sla_paused_seconds), paused_since=ticket.sla_paused_since, now=at)
            ticket.sla_paused_seconds = int(paused.total_seconds())
            ticket.sla_paused_since = None
            ticket.sla_due_at = sla_due_at(opened_at=ticket.opened_at, priority=ticket.priority, paused=paused)
        if status is TicketStatus.WAITING_ON_CUSTOMER:
            ticket.sla_paused_since = at
        if status is TicketStatus.RESOLVED:
            ticket.resolved_at = at
            ticket.sla_met = at <= ticket.sla_due_at
        elif status is TicketStatus.OPEN and previous is TicketStatus.RESOLVED:
            ticket.resolved_at = None
            ticket.sla_met = None
        ticket.status = status
        await ticket.save()
        await create_owned(
            TicketStatusChange, ticket=ticket, from_status=previous, to_status=status, changed_at=at,
            changed_by=required_text(changed_by, field="changed_by", max_length=80),
            note=optional_text(note, field="note", max_length=500),
        )
        await _record(ticket, change="status")
    return ticket


async def pause_ticket_sla(*, ticket_id: uuid.UUID, changed_by: str, note: str | None = None, at: datetime | None = None) -> Ticket:
    """Wait on the customer: the SLA clock stops until the ticket leaves that status."""
    return await change_ticket_status(ticket_id=ticket_id, status=TicketStatus.WAITING_ON_CUSTOMER, changed_by=changed_by, note=note, at=at)


async def resume_ticket_sla(*, ticket_id: uuid.UUID, changed_by: str, note: str | None = None, at: datetime | None = None) -> Ticket:
    """The customer answered: reopen the ticket and restart its SLA clock, the due time shifted by the pause."""
    return await change_ticket_status(ticket_id=ticket_id, status=TicketStatus.OPEN, changed_by=changed_by, note=note, at=at)


async def change_ticket_priority(*, ticket_id: uuid.UUID, priority: Priority, changed_by: str) -> Ticket:
    """Re-prioritise a ticket: the due time becomes the new target after opening plus the time paused so far."""
    priority = Priority(priority)
    async with in_transaction():
        ticket = await _locked_ticket(ticket_id)
        if ticket.priority is priority:
            raise DomainError(ServiceErrorCode.UNCHANGED, f"the ticket is already {priority}", field="priority")
        ticket.priority = priority
        ticket.sla_due_at = sla_due_at(opened_at=ticket.opened_at, priority=priority, paused=timedelta(seconds=ticket.sla_paused_seconds))
        await ticket.save(update_fields=["priority", "sla_due_at", "updated_at"])
        await _record(ticket, change="priority")
    return ticket


async def assign_ticket(*, ticket_id: uuid.UUID, employee_id: uuid.UUID | None, assigned_by: str) -> Ticket:
    """Give a ticket to an active employee (None unassigns it); a NEW ticket becomes OPEN."""
    employee = await hr_service.get_active_employee_or_raise(employee_id=employee_id, field="employee_id") if employee_id else None
    async with in_transaction():
        ticket = await _locked_ticket(ticket_id)
        ticket.assignee = employee
        await ticket.save(update_fields=["assignee_id", "updated_at"])
        if employee is not None and ticket.status is TicketStatus.NEW:
            return await change_ticket_status(ticket_id=ticket.id, status=TicketStatus.OPEN, changed_by=assigned_by, note="assigned")
        await _record(ticket, change="assignee")
    return ticket


def ticket_sla_remaining(ticket: Ticket, *, now: datetime | None = None) -> timedelta:
    """Time left on a ticket's SLA (frozen while waiting on the customer, negative once breached)."""
    return sla_remaining(due_at=ticket.sla_due_at, now=now or clock.now(), paused_since=ticket.sla_paused_since)


def ticket_sla_breached(ticket: Ticket, *, now: datetime | None = None) -> bool:
    """Whether an open ticket has passed its due time, or a resolved one was resolved late."""
    if ticket.sla_met is not None:
        return not ticket.sla_met
    return is_sla_breached(due_at=ticket.sla_due_at, now=now or clock.now(), paused_since=ticket.sla_paused_since)


async def open_ticket_count_by_customer(*, customer_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Tickets not yet resolved per customer, for a batch of customers in one query."""
    rows = (
        await scoped(Ticket)
        .filter(customer_id__in=list(customer_ids), status__in=OPEN_STATUSES)
        .annotate(count=Count("id"))
        .group_by("customer_id")
        .values("customer_id", "count")
    )
    counts = {uuid.UUID(str(row["customer_id"])): row["count"] for row in rows}
    return {customer_id: counts.get(customer_id, 0) for customer_id in customer_ids}


def list_ticket_status_changes(
    *, ticket_ids: Sequence[uuid.UUID] | None = None, change_ids: Sequence[uuid.UUID] | None = None
) -> QuerySet[TicketStatusChange]:
    """Ticket status changes, each ticket's oldest first, optionally of some tickets or with some ids (the graph's batch read)."""
    query = scoped(TicketStatusChange)
    if ticket_ids is not None:
        query = query.filter(ticket_id__in=list(ticket_ids))
    if change_ids is not None:
        query = query.filter(id__in=list(change_ids))
    return query.order_by("changed_at", "created_at", "id")
