"""CRM queries."""

from __future__ import annotations

import strawberry

from api.crm.types import CustomerNode
from api.node_ids import decode_global_id
from api.pagination import Connection, paginate
from api.permissions import Requires
from domain.crm import service as crm_service
from tenants.permissions import Scope


@strawberry.type
class CrmQuery:
    @strawberry.field(permission_classes=[Requires(Scope.CRM_READ)], description="The tenant's customers, newest first.")
    async def customers(
        self,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CustomerNode]:
        return await paginate(
            crm_service.customers(), CustomerNode.from_model, first=first, after=after, last=last, before=before
        )

    @strawberry.field(
        permission_classes=[Requires(Scope.CRM_READ)], description="One customer by its global id, or null when there is none."
    )
    async def customer(self, id: strawberry.ID) -> CustomerNode | None:
        customer = await crm_service.get_customer(customer_id=decode_global_id(id, expected_type="Customer"))
        return CustomerNode.from_model(customer) if customer else None
