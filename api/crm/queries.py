"""CRM queries."""

from __future__ import annotations

import strawberry

from api.crm.filters import ContactFilter, ContactOrder, CustomerFilter, CustomerOrder, InteractionFilter, InteractionOrder
from api.crm.types import ContactNode, CustomerNode, InteractionNode
from api.node_ids import decode_global_id
from api.ordering import apply_order
from api.pagination import Connection, paginate
from api.permissions import Requires
from domain.crm import service as crm_service
from tenants.permissions import Scope

CRM_READ = [Requires(Scope.CRM_READ)]


@strawberry.type
class CrmQuery:
    @strawberry.field(permission_classes=CRM_READ, description="The tenant's customers (newest first unless ordered).")
    async def customers(
        self,
        filter: CustomerFilter | None = None,
        order_by: CustomerOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CustomerNode]:
        query = (filter or CustomerFilter()).apply(crm_service.customers())
        query = apply_order(query, order_by, default=("-created_at", "-id"))
        return await paginate(query, CustomerNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=CRM_READ, description="One customer by its global id, or null when there is none.")
    async def customer(self, id: strawberry.ID) -> CustomerNode | None:
        customer = await crm_service.get_customer(customer_id=decode_global_id(id, expected_type="Customer"))
        return CustomerNode.from_model(customer) if customer else None

    @strawberry.field(permission_classes=CRM_READ, description="The tenant's contacts, by name unless ordered.")
    async def contacts(
        self,
        filter: ContactFilter | None = None,
        order_by: ContactOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ContactNode]:
        query = (filter or ContactFilter()).apply(crm_service.list_contacts())
        query = apply_order(query, order_by, default=("last_name", "first_name", "id"))
        return await paginate(query, ContactNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=CRM_READ, description="Touchpoints with customers, most recent first unless ordered.")
    async def interactions(
        self,
        filter: InteractionFilter | None = None,
        order_by: InteractionOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[InteractionNode]:
        query = (filter or InteractionFilter()).apply(crm_service.list_interactions())
        query = apply_order(query, order_by, default=("-occurred_at", "-id"))
        return await paginate(query, InteractionNode.from_model, first=first, after=after, last=last, before=before)
