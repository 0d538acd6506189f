"""Sales queries."""

from __future__ import annotations

import strawberry

from api.errors import not_found
from api.money import Money
from api.node_ids import decode_global_id
from api.ordering import apply_order
from api.pagination import Connection, paginate
from api.permissions import Requires
from api.sales.filters import (
    DealFilter,
    DealOrder,
    LeadFilter,
    LeadOrder,
    PipelineFilter,
    PipelineOrder,
    QuoteFilter,
    QuoteOrder,
    SalesOrderFilter,
    SalesOrderOrder,
)
from api.sales.types import DealNode, LeadNode, PipelineNode, PipelineStageNode, QuoteNode, SalesOrderNode, StageValue
from domain.errors import DomainError
from domain.sales import service as sales_service
from tenants.permissions import Scope

SALES_READ = [Requires(Scope.SALES_READ)]


@strawberry.type
class SalesQuery:
    @strawberry.field(permission_classes=SALES_READ, description="Prospects (newest first unless ordered).")
    async def leads(
        self,
        filter: LeadFilter | None = None,
        order_by: LeadOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[LeadNode]:
        query = apply_order((filter or LeadFilter()).apply(sales_service.list_leads()), order_by, default=("-created_at", "-id"))
        return await paginate(query, LeadNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=SALES_READ, description="Sales pipelines (by name unless ordered).")
    async def pipelines(
        self,
        filter: PipelineFilter | None = None,
        order_by: PipelineOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[PipelineNode]:
        query = apply_order((filter or PipelineFilter()).apply(sales_service.list_pipelines()), order_by, default=("name", "id"))
        return await paginate(query, PipelineNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=SALES_READ, description="Deals (newest first unless ordered).")
    async def deals(
        self,
        filter: DealFilter | None = None,
        order_by: DealOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[DealNode]:
        query = apply_order((filter or DealFilter()).apply(sales_service.list_deals()), order_by, default=("-created_at", "-id"))
        return await paginate(query, DealNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=SALES_READ, description="Quotes (newest first unless ordered).")
    async def quotes(
        self,
        filter: QuoteFilter | None = None,
        order_by: QuoteOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[QuoteNode]:
        query = apply_order((filter or QuoteFilter()).apply(sales_service.list_quotes()), order_by, default=("-created_at", "-id"))
        return await paginate(query, QuoteNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=SALES_READ, description="Sales orders (most recently ordered first unless ordered).")
    async def sales_orders(
        self,
        filter: SalesOrderFilter | None = None,
        order_by: SalesOrderOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[SalesOrderNode]:
        query = (filter or SalesOrderFilter()).apply(sales_service.list_sales_orders())
        query = apply_order(query, order_by, default=("-ordered_on", "-created_at", "-id"))
        return await paginate(query, SalesOrderNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(
        permission_classes=SALES_READ,
        description="Open deals' count and value in each stage of a pipeline, every stage listed in order.",
    )
    async def pipeline_value_by_stage(self, pipeline_id: strawberry.ID) -> list[StageValue]:
        row_id = decode_global_id(pipeline_id, expected_type="Pipeline")
        try:
            stages = await sales_service.pipeline_value_by_stage(pipeline_id=row_id)
        except DomainError:
            raise not_found("Pipeline") from None
        return [
            StageValue(
                stage=PipelineStageNode(
                    id=str(stage.stage_id), name=stage.name, position=stage.position, probability=stage.probability,
                    pipeline_id=row_id,
                ),
                deal_count=stage.deal_count,
                values=[Money.from_domain(value) for value in stage.values],
                weighted_values=[Money.from_domain(value) for value in stage.weighted_values],
            )
            for stage in stages
        ]
