"""Marketing queries."""

from __future__ import annotations

import strawberry

from api.marketing.filters import CampaignFilter, CampaignOrder, SegmentFilter, SegmentOrder
from api.marketing.types import CampaignNode, SegmentNode
from api.ordering import apply_order
from api.pagination import Connection, paginate
from api.permissions import Requires
from domain.marketing import service as marketing_service
from tenants.permissions import Scope

MARKETING_READ = [Requires(Scope.MARKETING_READ)]


@strawberry.type
class MarketingQuery:
    @strawberry.field(permission_classes=MARKETING_READ, description="Customer segments (by name unless ordered).")
    async def segments(
        self,
        filter: SegmentFilter | None = None,
        order_by: SegmentOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[SegmentNode]:
        query = apply_order((filter or SegmentFilter()).apply(marketing_service.list_segments()), order_by, default=("name", "id"))
        return await paginate(query, SegmentNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=MARKETING_READ, description="Campaigns (newest first unless ordered).")
    async def campaigns(
        self,
        filter: CampaignFilter | None = None,
        order_by: CampaignOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CampaignNode]:
        query = (filter or CampaignFilter()).apply(marketing_service.list_campaigns())
        query = apply_order(query, order_by, default=("-created_at", "-id"))
        return await paginate(query, CampaignNode.from_model, first=first, after=after, last=last, before=before)
