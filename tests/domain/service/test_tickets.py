"""Customer service: tickets get an SLA from their priority, paused while waiting on the customer."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.crm import service as crm
from domain.crm.models import Channel
from domain.errors import DomainError
from domain.hr import service as hr
from domain.outbox.models import OutboxEvent
from domain.service import service as support
from domain.service.errors import ServiceErrorCode
from domain.service.models import TicketStatus
from domain.service.sla import Priority
from tenants.context import tenant_transaction
from tenants.ownership import scoped

OPENED = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


async def a_ticket(priority: Priority = Priority.HIGH):
    customer = await crm.create_customer(name="Northwind")
    ticket = await support.open_ticket(
        customer_id=customer.id, subject="Printer on fire", channel=Channel.PHONE, priority=priority, opened_by="user:ann", at=OPENED
    )
    return customer, ticket


async def test_sla_due_time_comes_from_priority_and_follows_a_change_of_priority(tenant):
    async with tenant_transaction(tenant.id):
        _, ticket = await a_ticket(Priority.HIGH)
        urgent = await support.change_ticket_priority(ticket_id=ticket.id, priority=Priority.URGENT, changed_by="user:ann")
    assert ticket.sla_due_at == OPENED + timedelta(hours=8)
    assert urgent.sla_due_at == OPENED + timedelta(hours=4)


async def test_sla_clock_pauses_while_waiting_on_customer(tenant):
    async with tenant_transaction(tenant.id):
        _, ticket = await a_ticket(Priority.HIGH)  # due 17:00
        await support.change_ticket_status(ticket_id=ticket.id, status=TicketStatus.OPEN, changed_by="user:ann", at=OPENED + timedelta(hours=1))
        paused = await support.pause_ticket_sla(ticket_id=ticket.id, changed_by="user:ann", note="asked for logs", at=OPENED + timedelta(hours=2))
        frozen = support.ticket_sla_remaining(paused, now=OPENED + timedelta(hours=30))
        resumed = await support.resume_ticket_sla(ticket_id=ticket.id, changed_by="user:bob", at=OPENED + timedelta(hours=26))
        await support.pause_ticket_sla(ticket_id=ticket.id, changed_by="user:bob", at=OPENED + timedelta(hours=27))
        again = await support.resume_ticket_sla(ticket_id=ticket.id, changed_by="user:bob", at=OPENED + timedelta(hours=28))
        resolved = await support.change_ticket_status(ticket_id=ticket.id, status=TicketStatus.RESOLVED, changed_by="user:bob", at=OPENED + timedelta(hours=33))
        history = await support.ticket_status_history(ticket_id=ticket.id)
    assert paused.sla_paused_since == OPENED + timedelta(hours=2) and paused.sla_due_at == OPENED + timedelta(hours=8)
    assert frozen == timedelta(hours=6)  # what was left when the pause began
    assert resumed.sla_due_at == OPENED + timedelta(hours=32) and resumed.sla_paused_since is None
    assert again.sla_due_at == OPENED + timedelta(hours=33) and again.sla_paused_seconds == 25 * 3600
    assert resolved.sla_met is True
    assert [(c.from_status, c.to_status) for c in history] == [
        (None, TicketStatus.NEW),
        (TicketStatus.NEW, TicketStatus.OPEN),
        (TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER),
        (TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.OPEN),
        (TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER),
        (TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.OPEN),
        (TicketStatus.OPEN, TicketStatus.RESOLVED),
    ]
    assert [c.changed_by for c in history][-1] == "user:bob"


async def test_assignment_opens_a_new_ticket_and_every_update_is_an_event(tenant):
    async with tenant_transaction(tenant.id):
        desk = await hr.create_department(name="Service desk")
        agent = await hr.hire_employee(first_name="Ann", last_name="Agent", hired_on=date(2024, 1, 1), department_id=desk.id)
        _, ticket = await a_ticket()
        assigned = await support.assign_ticket(ticket_id=ticket.id, employee_id=agent.id, assigned_by="user:lead")
        await support.change_ticket_status(ticket_id=ticket.id, status=TicketStatus.RESOLVED, changed_by="user:ann")
        await support.change_ticket_status(ticket_id=ticket.id, status=TicketStatus.CLOSED, changed_by="user:ann")
        with pytest.raises(DomainError) as closed:
            await support.change_ticket_status(ticket_id=ticket.id, status=TicketStatus.OPEN, changed_by="user:ann")
        updates = await scoped(OutboxEvent).filter(event_type="service.ticket_updated").order_by("created_at")
    assert (assigned.status, assigned.assignee_id) == (TicketStatus.OPEN, agent.id)
    assert closed.value.code is ServiceErrorCode.TICKET_CLOSED
    assert [event.payload["status"] for event in updates] == ["open", "resolved", "closed"]
    assert updates[0].payload["assignee_id"] == str(agent.id)


async def test_open_ticket_count_by_customer_is_batched(tenant):
    async with tenant_transaction(tenant.id):
        customer, ticket = await a_ticket()
        await support.open_ticket(customer_id=customer.id, subject="Second", channel=Channel.EMAIL, opened_by="user:ann")
        await support.change_ticket_status(ticket_id=ticket.id, status=TicketStatus.RESOLVED, changed_by="user:ann")
        quiet = await crm.create_customer(name="Quiet")
        counts = await support.open_ticket_count_by_customer(customer_ids=[customer.id, quiet.id])
    assert counts == {customer.id: 1, quiet.id: 0}


async def test_another_tenants_customer_id_is_not_found(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        foreign = await crm.create_customer(name="Foreign")
    async with tenant_transaction(tenant.id):
        with pytest.raises(DomainError) as error:
            await support.open_ticket(customer_id=foreign.id, subject="x", channel=Channel.CHAT, opened_by="user:ann")
    assert (error.value.code, error.value.field) == ("NOT_FOUND", "customer_id")
