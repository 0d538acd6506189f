"""Sales enums in the graph, mirroring the domain's statuses."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Where a prospect stands.")
class LeadStatus(Enum):
    NEW = "new"
    QUALIFIED = "qualified"
    DISQUALIFIED = "disqualified"
    CONVERTED = "converted"


@strawberry.enum(description="Open in a stage of its pipeline, or closed as won or lost.")
class DealStatus(Enum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


@strawberry.enum(description="A quote's way from draft to the customer's answer.")
class QuoteStatus(Enum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@strawberry.enum(description="Open until fulfilled or cancelled.")
class SalesOrderStatus(Enum):
    OPEN = "open"
    FULFILLED = "fulfilled"
    CANCELLED = "cancelled"
