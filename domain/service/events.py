"""Customer service domain events."""

from __future__ import annotations

from typing import Any

from domain.outbox.payloads import payload
from domain.service.models import Ticket

TICKET_OPENED = "service.ticket_opened"
TICKET_UPDATED = "service.ticket_updated"


def ticket_state(ticket: Ticket, *, change: str) -> dict[str, Any]:
    """The ticket's current business state; `change` says what moved (status, priority, assignee)."""
    return payload(
        ticket_id=ticket.id,
        number=ticket.number,
        customer_id=ticket.customer_id,
        change=change,
        status=ticket.status,
        priority=ticket.priority,
        assignee_id=ticket.assignee_id,
        sla_due_at=ticket.sla_due_at,
        sla_paused=ticket.sla_paused_since is not None,
    )
