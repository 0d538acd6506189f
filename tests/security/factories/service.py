"""Attack-suite factories for the customer service Node types."""

from __future__ import annotations

import uuid

from domain.crm import service as crm_service
from domain.crm.models import Channel
from domain.service import service as support_service


async def _ticket(marker: str):
    customer = await crm_service.create_customer(name=f"{marker} Ticket's Customer")
    return await support_service.open_ticket(customer_id=customer.id, subject=f"{marker} printer on fire", channel=Channel.EMAIL, opened_by=marker)


async def ticket(marker: str) -> uuid.UUID:
    return (await _ticket(marker)).id


async def ticket_status_change(marker: str) -> uuid.UUID:
    return (await support_service.list_ticket_status_changes(ticket_ids=[(await _ticket(marker)).id]))[0].id


FACTORIES = {"Ticket": ticket, "TicketStatusChange": ticket_status_change}
