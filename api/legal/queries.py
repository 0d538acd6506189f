"""Legal queries."""

from __future__ import annotations

import strawberry

from api.legal.filters import ContractFilter, ContractOrder, ObligationFilter, ObligationOrder
from api.legal.types import ContractNode, ObligationNode
from api.node_ids import decode_global_id
from api.ordering import apply_order
from api.pagination import Connection, paginate
from api.permissions import Requires
from domain.legal import service as legal_service
from tenants.permissions import Scope

LEGAL_READ = [Requires(Scope.LEGAL_READ)]


@strawberry.type
class LegalQuery:
    @strawberry.field(permission_classes=LEGAL_READ, description="Contracts (by stored renewal date unless ordered).")
    async def contracts(
        self,
        filter: ContractFilter | None = None,
        order_by: ContractOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ContractNode]:
        query = (filter or ContractFilter()).apply(legal_service.list_contracts())
        query = apply_order(query, order_by, default=("renewal_date", "number", "id"))
        return await paginate(query, ContractNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=LEGAL_READ, description="One contract by its global id, or null when there is none.")
    async def contract(self, id: strawberry.ID) -> ContractNode | None:
        row = await legal_service.list_contracts().filter(id=decode_global_id(id, expected_type="Contract")).first()
        return ContractNode.from_model(row) if row else None

    @strawberry.field(permission_classes=LEGAL_READ, description="What contracts require (by due date unless ordered).")
    async def obligations(
        self,
        filter: ObligationFilter | None = None,
        order_by: ObligationOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ObligationNode]:
        query = (filter or ObligationFilter()).apply(legal_service.list_obligations())
        query = apply_order(query, order_by, default=("due_date", "created_at", "id"))
        return await paginate(query, ObligationNode.from_model, first=first, after=after, last=last, before=before)
