"""Customer service enums in the graph, mirroring the domain's."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="A ticket's place in its life; WAITING_ON_CUSTOMER stops the SLA clock.")
class TicketStatus(Enum):
    NEW = "new"
    OPEN = "open"
    WAITING_ON_CUSTOMER = "waiting_on_customer"
    RESOLVED = "resolved"
    CLOSED = "closed"


@strawberry.enum(description="How urgent a ticket is; it sets the SLA target (URGENT 4 h, HIGH 8 h, NORMAL 24 h, LOW 72 h).")
class TicketPriority(Enum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"
