"""Customer service batch reads: the status histories of many tickets in one query."""

from __future__ import annotations

from domain.crm import service as crm
from domain.crm.models import Channel
from domain.service import service as support
from domain.service.models import TicketStatus
from tenants.context import tenant_transaction


async def test_status_histories_of_a_batch_of_tickets_oldest_first(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        foreign_customer = await crm.create_customer(name="Foreign")
        foreign = await support.open_ticket(customer_id=foreign_customer.id, subject="x", channel=Channel.EMAIL, opened_by="u")
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        first = await support.open_ticket(customer_id=customer.id, subject="One", channel=Channel.EMAIL, opened_by="u")
        second = await support.open_ticket(customer_id=customer.id, subject="Two", channel=Channel.PHONE, opened_by="u")
        await support.change_ticket_status(ticket_id=first.id, status=TicketStatus.RESOLVED, changed_by="u")
        changes = await support.list_ticket_status_changes(ticket_ids=[first.id, second.id, foreign.id])
        one = await support.list_ticket_status_changes(change_ids=[changes[-1].id])

    assert [(c.ticket_id, c.from_status, c.to_status) for c in changes if c.ticket_id == first.id] == [
        (first.id, None, TicketStatus.NEW), (first.id, TicketStatus.NEW, TicketStatus.RESOLVED)
    ]
    assert {c.ticket_id for c in changes} == {first.id, second.id}
    assert [c.id for c in one] == [changes[-1].id]
