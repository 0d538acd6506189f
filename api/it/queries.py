"""IT queries."""

from __future__ import annotations

import strawberry

from api.it.filters import AssetFilter, AssetOrder, SupportRequestFilter, SupportRequestOrder
from api.it.types import AssetNode, SupportRequestNode
from api.node_ids import decode_global_id
from api.ordering import apply_order
from api.pagination import Connection, paginate
from api.permissions import Requires
from domain.it import service as it_service
from tenants.permissions import Scope

IT_READ = [Requires(Scope.IT_READ)]


@strawberry.type
class ItQuery:
    @strawberry.field(permission_classes=IT_READ, description="Equipment and licences (by tag unless ordered).")
    async def assets(
        self,
        filter: AssetFilter | None = None,
        order_by: AssetOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[AssetNode]:
        query = (filter or AssetFilter()).apply(it_service.list_assets())
        query = apply_order(query, order_by, default=("asset_tag", "id"))
        return await paginate(query, AssetNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=IT_READ, description="One asset by its global id, or null when there is none.")
    async def asset(self, id: strawberry.ID) -> AssetNode | None:
        row = await it_service.list_assets().filter(id=decode_global_id(id, expected_type="Asset")).first()
        return AssetNode.from_model(row) if row else None

    @strawberry.field(permission_classes=IT_READ, description="IT support requests (newest first unless ordered).")
    async def support_requests(
        self,
        filter: SupportRequestFilter | None = None,
        order_by: SupportRequestOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[SupportRequestNode]:
        query = (filter or SupportRequestFilter()).apply(it_service.list_support_requests())
        query = apply_order(query, order_by, default=("-created_at", "-id"))
        return await paginate(query, SupportRequestNode.from_model, first=first, after=after, last=last, before=before)
