"""Customer service queries."""

from __future__ import annotations

import strawberry

from api.ordering import apply_order
from api.pagination import Connection, paginate
from api.permissions import Requires
from api.service.filters import TicketFilter, TicketOrder
from api.service.types import TicketNode
from domain.service import service as support_service
from tenants.permissions import Scope

SERVICE_READ = [Requires(Scope.SERVICE_READ)]


@strawberry.type
class ServiceQuery:
    @strawberry.field(permission_classes=SERVICE_READ, description="Tickets (most urgent SLA first unless ordered).")
    async def tickets(
        self,
        filter: TicketFilter | None = None,
        order_by: TicketOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[TicketNode]:
        query = apply_order((filter or TicketFilter()).apply(support_service.list_tickets()), order_by, default=("sla_due_at", "id"))
        return await paginate(query, TicketNode.from_model, first=first, after=after, last=last, before=before)
