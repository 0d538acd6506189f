"""Sales types in the graph: leads, pipelines and their stages, deals with their stage history, quotes and sales orders.

A field that reaches into another area (a deal's customer) declares that area's read scope, and is
nullable so that a caller without it gets FORBIDDEN on that field alone.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

import strawberry
from strawberry import relay

from api.context import Info
from api.crm import loaders as crm_loaders
from api.crm.types import CustomerNode
from api.loaders import by_id, resolve_node_rows
from api.money import Money
from api.node_ids import parse_node_ids
from api.pagination import Connection, connection_from_list
from api.permissions import cross_area_field
from api.sales import loaders
from api.sales.enums import DealStatus, LeadStatus, QuoteStatus, SalesOrderStatus
from domain.sales import service as sales_service
from domain.sales.models import Deal, DealStageChange, Lead, Pipeline, PipelineStage, Quote, QuoteLine, SalesOrder, SalesOrderLine
from tenants.permissions import Scope

Product = Annotated["ProductNode", strawberry.lazy("api.operations.types")]


async def _customer(info: Info, customer_id: Any) -> CustomerNode | None:
    customer = await crm_loaders.customer_by_id(info).load(customer_id)
    return CustomerNode.from_model(customer) if customer else None


def _page(rows: list[Any], to_node, first, after, last, before) -> Connection:
    return connection_from_list(rows, to_node, first=first, after=after, last=last, before=before)


@strawberry.type(name="PipelineStage", description="One step of a pipeline, with the chance that a deal in it is won.")
class PipelineStageNode(relay.Node):
    read_scope = Scope.SALES_READ

    id: relay.NodeID[str]
    name: str
    position: int = strawberry.field(description="1 for the first stage.")
    probability: int = strawberry.field(description="Win probability in percent.")
    pipeline_id: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: PipelineStage) -> PipelineStageNode:
        return cls(id=str(row.id), name=row.name, position=row.position, probability=row.probability, pipeline_id=row.pipeline_id)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: sales_service.list_pipeline_stages(stage_ids=ids), node_ids)

    @strawberry.field(description="The pipeline this stage belongs to.")
    async def pipeline(self, info: Info) -> PipelineNode:
        return PipelineNode.from_model(await loaders.pipeline_by_id(info).load(self.pipeline_id))


@strawberry.type(name="Pipeline", description="A sales process: the ordered stages its deals move through.")
class PipelineNode(relay.Node):
    read_scope = Scope.SALES_READ

    id: relay.NodeID[str]
    name: str
    created_at: datetime

    @classmethod
    def from_model(cls, row: Pipeline) -> PipelineNode:
        return cls(id=str(row.id), name=row.name, created_at=row.created_at)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: sales_service.list_pipelines().filter(id__in=ids), node_ids)

    @strawberry.field(description="The stages in order.")
    async def stages(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[PipelineStageNode]:
        rows = await loaders.stages_by_pipeline(info).load(uuid.UUID(self.id))
        return _page(rows, PipelineStageNode.from_model, first, after, last, before)


@strawberry.type(name="DealStageChange", description="A deal entering a stage, or being won or lost there: when and by whom.")
class DealStageChangeNode(relay.Node):
    read_scope = Scope.SALES_READ

    id: relay.NodeID[str]
    status: DealStatus = strawberry.field(description="The deal's status after the change.")
    changed_at: datetime
    changed_by: str
    deal_id: strawberry.Private[Any]
    from_stage_id: strawberry.Private[Any]
    to_stage_id: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: DealStageChange) -> DealStageChangeNode:
        return cls(
            id=str(row.id), status=DealStatus(str(row.status)), changed_at=row.changed_at, changed_by=row.changed_by,
            deal_id=row.deal_id, from_stage_id=row.from_stage_id, to_stage_id=row.to_stage_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: sales_service.list_deal_stage_changes(change_ids=ids), node_ids)

    @strawberry.field(description="The stage the deal left; null when the deal was opened, or the same stage when closed.")
    async def from_stage(self, info: Info) -> PipelineStageNode | None:
        if self.from_stage_id is None:
            return None
        return PipelineStageNode.from_model(await loaders.stage_by_id(info).load(self.from_stage_id))

    @strawberry.field(description="The stage the deal is in after the change.")
    async def to_stage(self, info: Info) -> PipelineStageNode:
        return PipelineStageNode.from_model(await loaders.stage_by_id(info).load(self.to_stage_id))

    @strawberry.field
    async def deal(self, info: Info) -> DealNode:
        return DealNode.from_model(await loaders.deal_by_id(info).load(self.deal_id))


@strawberry.type(name="Deal", description="A sales opportunity with a customer, moving through its pipeline's stages until won or lost.")
class DealNode(relay.Node):
    read_scope = Scope.SALES_READ

    id: relay.NodeID[str]
    name: str
    amount: Money
    status: DealStatus
    expected_close_on: date | None
    closed_at: datetime | None
    lost_reason: str | None
    owner: str | None
    created_at: datetime
    customer_id: strawberry.Private[Any]
    pipeline_id: strawberry.Private[Any]
    stage_id: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: Deal) -> DealNode:
        return cls(
            id=str(row.id), name=row.name, amount=Money.of(row.amount, row.currency), status=DealStatus(str(row.status)),
            expected_close_on=row.expected_close_on, closed_at=row.closed_at, lost_reason=row.lost_reason, owner=row.owner,
            created_at=row.created_at, customer_id=row.customer_id, pipeline_id=row.pipeline_id, stage_id=row.stage_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: sales_service.list_deals().filter(id__in=ids), node_ids)

    @cross_area_field(Scope.CRM_READ, "The customer the deal is with.")
    async def customer(self, info: Info) -> CustomerNode | None:
        return await _customer(info, self.customer_id)

    @strawberry.field
    async def pipeline(self, info: Info) -> PipelineNode:
        return PipelineNode.from_model(await loaders.pipeline_by_id(info).load(self.pipeline_id))

    @strawberry.field(description="The stage the deal is in (or was won or lost in).")
    async def stage(self, info: Info) -> PipelineStageNode:
        return PipelineStageNode.from_model(await loaders.stage_by_id(info).load(self.stage_id))

    @strawberry.field(description="Every stage the deal entered, and its closing, oldest first.")
    async def stage_history(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[DealStageChangeNode]:
        rows = await loaders.stage_history_by_deal(info).load(uuid.UUID(self.id))
        return _page(rows, DealStageChangeNode.from_model, first, after, last, before)


@strawberry.type(name="Lead", description="A prospect, qualified and then converted into a customer and a deal.")
class LeadNode(relay.Node):
    read_scope = Scope.SALES_READ

    id: relay.NodeID[str]
    company_name: str
    contact_name: str | None
    email: str | None
    source: str | None
    status: LeadStatus
    owner: str | None
    created_at: datetime
    customer_id: strawberry.Private[Any]
    deal_id: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: Lead) -> LeadNode:
        return cls(
            id=str(row.id), company_name=row.company_name, contact_name=row.contact_name, email=row.email, source=row.source,
            status=LeadStatus(str(row.status)), owner=row.owner, created_at=row.created_at, customer_id=row.customer_id,
            deal_id=row.deal_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: sales_service.list_leads().filter(id__in=ids), node_ids)

    @cross_area_field(Scope.CRM_READ, "The customer the lead became, once converted.")
    async def customer(self, info: Info) -> CustomerNode | None:
        return await _customer(info, self.customer_id) if self.customer_id else None

    @strawberry.field(description="The deal the lead was converted into.")
    async def deal(self, info: Info) -> DealNode | None:
        if self.deal_id is None:
            return None
        return DealNode.from_model(await loaders.deal_by_id(info).load(self.deal_id))


def quantity(value: Decimal) -> Decimal:
    """A stored quantity without its padding zeros (`2`, `1.5`), never in exponent form."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _line_fields(row: QuoteLine | SalesOrderLine, currency: str) -> dict[str, Any]:
    return {
        "id": str(row.id), "position": row.position, "description": row.description, "quantity": quantity(row.quantity),
        "unit_price": Money.of(row.unit_price, currency), "line_total": Money.of(row.line_total, currency),
        "product_id": row.product_id,
    }


async def _product(info: Info, product_id: Any):
    from api.operations.types import load_product  # operations' types import this module's neighbours

    return await load_product(info, product_id) if product_id else None


@strawberry.type(name="QuoteLine", description="An item offered on a quote.")
class QuoteLineNode(relay.Node):
    read_scope = Scope.SALES_READ

    id: relay.NodeID[str]
    position: int
    description: str
    quantity: Decimal
    unit_price: Money
    line_total: Money = strawberry.field(description="Quantity times unit price, rounded to the currency.")
    product_id: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: QuoteLine, currency: str) -> QuoteLineNode:
        return cls(**_line_fields(row, currency))

    @cross_area_field(Scope.OPERATIONS_READ, "The product sold, when the line is for one.")
    async def product(self, info: Info) -> Product | None:
        return await _product(info, self.product_id)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        wanted = parse_node_ids(list(node_ids))
        rows = await sales_service.list_quote_lines(line_ids=[row_id for row_id in wanted if row_id]).prefetch_related("quote")
        return [cls.from_model(row, row.quote.currency) if row else None for row in by_id(rows, wanted)]


@strawberry.type(name="Quote", description="An offer to a customer in one currency, from draft to sent to accepted or rejected.")
class QuoteNode(relay.Node):
    read_scope = Scope.SALES_READ

    id: relay.NodeID[str]
    number: str
    status: QuoteStatus
    total: Money
    valid_until: date | None
    created_at: datetime
    customer_id: strawberry.Private[Any]
    deal_id: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: Quote) -> QuoteNode:
        return cls(
            id=str(row.id), number=row.number, status=QuoteStatus(str(row.status)), total=Money.of(row.total, row.currency),
            valid_until=row.valid_until, created_at=row.created_at, customer_id=row.customer_id, deal_id=row.deal_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: sales_service.list_quotes().filter(id__in=ids), node_ids)

    @cross_area_field(Scope.CRM_READ, "Who the quote is for.")
    async def customer(self, info: Info) -> CustomerNode | None:
        return await _customer(info, self.customer_id)

    @strawberry.field
    async def deal(self, info: Info) -> DealNode | None:
        if self.deal_id is None:
            return None
        return DealNode.from_model(await loaders.deal_by_id(info).load(self.deal_id))

    @strawberry.field(description="The quote's lines in order.")
    async def lines(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[QuoteLineNode]:
        rows = await loaders.lines_by_quote(info).load(uuid.UUID(self.id))
        currency = self.total.currency
        return _page(rows, lambda row: QuoteLineNode.from_model(row, currency), first, after, last, before)


@strawberry.type(name="SalesOrderLine", description="An item ordered on a sales order.")
class SalesOrderLineNode(relay.Node):
    read_scope = Scope.SALES_READ

    id: relay.NodeID[str]
    position: int
    description: str
    quantity: Decimal
    unit_price: Money
    line_total: Money = strawberry.field(description="Quantity times unit price, rounded to the currency.")
    product_id: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: SalesOrderLine, currency: str) -> SalesOrderLineNode:
        return cls(**_line_fields(row, currency))

    @cross_area_field(Scope.OPERATIONS_READ, "The product sold, when the line is for one.")
    async def product(self, info: Info) -> Product | None:
        return await _product(info, self.product_id)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        wanted = parse_node_ids(list(node_ids))
        query = sales_service.list_sales_order_lines(line_ids=[row_id for row_id in wanted if row_id]).prefetch_related("sales_order")
        rows = await query
        return [cls.from_model(row, row.sales_order.currency) if row else None for row in by_id(rows, wanted)]


@strawberry.type(name="SalesOrder", description="A customer's confirmed order, from a deal or an accepted quote or entered directly.")
class SalesOrderNode(relay.Node):
    read_scope = Scope.SALES_READ

    id: relay.NodeID[str]
    number: str
    status: SalesOrderStatus
    total: Money
    ordered_on: date
    created_at: datetime
    customer_id: strawberry.Private[Any]
    deal_id: strawberry.Private[Any]
    quote_id: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: SalesOrder) -> SalesOrderNode:
        return cls(
            id=str(row.id), number=row.number, status=SalesOrderStatus(str(row.status)), total=Money.of(row.total, row.currency),
            ordered_on=row.ordered_on, created_at=row.created_at, customer_id=row.customer_id, deal_id=row.deal_id,
            quote_id=row.quote_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: sales_service.list_sales_orders().filter(id__in=ids), node_ids)

    @cross_area_field(Scope.CRM_READ, "Who ordered.")
    async def customer(self, info: Info) -> CustomerNode | None:
        return await _customer(info, self.customer_id)

    @strawberry.field
    async def deal(self, info: Info) -> DealNode | None:
        if self.deal_id is None:
            return None
        return DealNode.from_model(await loaders.deal_by_id(info).load(self.deal_id))

    @strawberry.field(description="The accepted quote the order was made from.")
    async def quote(self, info: Info) -> QuoteNode | None:
        if self.quote_id is None:
            return None
        return QuoteNode.from_model(await loaders.quote_by_id(info).load(self.quote_id))

    @strawberry.field(description="The order's lines in order.")
    async def lines(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[SalesOrderLineNode]:
        rows = await loaders.lines_by_sales_order(info).load(uuid.UUID(self.id))
        currency = self.total.currency
        return _page(rows, lambda row: SalesOrderLineNode.from_model(row, currency), first, after, last, before)


@strawberry.type(description="Open deals in one stage of a pipeline: how many, and their value per currency.")
class StageValue:
    stage: PipelineStageNode
    deal_count: int
    values: list[Money] = strawberry.field(description="Open deals' total, one amount per currency.")
    weighted_values: list[Money] = strawberry.field(description="Each value times the stage's win probability.")
