"""Sales services: the public entry point of the area (leads, pipelines and deals, quotes and orders, reports)."""

import uuid
from collections.abc import Sequence

from tortoise.queryset import QuerySet

from domain.sales.fulfilment import Reservation, account_owner, create_order_for_won_deal, reserve_stock_for_order
from domain.sales.leads import convert_lead, create_lead, disqualify_lead, get_lead_or_raise, list_leads, qualify_lead
from domain.sales.models import DealStageChange, DealStatus, LeadStatus, PipelineStage, QuoteLine, QuoteStatus, SalesOrderLine, SalesOrderStatus
from domain.sales.orders import (
    SalesLineInput,
    accept_quote,
    cancel_sales_order,
    create_quote,
    create_sales_order,
    create_sales_order_from_quote,
    get_quote_or_raise,
    get_sales_order_or_raise,
    list_quotes,
    list_sales_orders,
    mark_sales_order_fulfilled,
    quote_lines,
    reject_quote,
    sales_order_lines,
    send_quote,
    ship_sales_order,
)
from domain.sales.pipelines import (
    StageInput,
    create_deal,
    create_pipeline,
    deal_stage_history,
    get_deal,
    get_deal_or_raise,
    get_pipeline_or_raise,
    list_deals,
    list_pipelines,
    mark_deal_lost,
    mark_deal_won,
    move_deal_to_stage,
    pipeline_stages,
    update_deal,
)
from domain.sales.reports import StageValue, open_pipeline_value_by_customer, pipeline_value_by_stage
from tenants.ownership import scoped

__all__ = [
    "DealStatus",
    "LeadStatus",
    "QuoteStatus",
    "SalesOrderStatus",
    "Reservation",
    "SalesLineInput",
    "StageInput",
    "StageValue",
    "accept_quote",
    "account_owner",
    "cancel_sales_order",
    "convert_lead",
    "create_deal",
    "create_lead",
    "create_order_for_won_deal",
    "create_pipeline",
    "create_quote",
    "create_sales_order",
    "create_sales_order_from_quote",
    "deal_stage_history",
    "disqualify_lead",
    "get_deal",
    "get_deal_or_raise",
    "get_lead_or_raise",
    "get_pipeline_or_raise",
    "get_quote_or_raise",
    "get_sales_order_or_raise",
    "list_deals",
    "list_deal_stage_changes",
    "list_leads",
    "list_pipeline_stages",
    "list_pipelines",
    "list_quote_lines",
    "list_quotes",
    "list_sales_order_lines",
    "list_sales_orders",
    "mark_deal_lost",
    "mark_deal_won",
    "mark_sales_order_fulfilled",
    "move_deal_to_stage",
    "open_pipeline_value_by_customer",
    "pipeline_stages",
    "pipeline_value_by_stage",
    "qualify_lead",
    "quote_lines",
    "reject_quote",
    "reserve_stock_for_order",
    "sales_order_lines",
    "send_quote",
    "ship_sales_order",
    "update_deal",
]


# Batch reads for the graph's DataLoaders: the rows of many pipelines, deals, quotes or orders in one query.


def list_pipeline_stages(
    *, pipeline_ids: Sequence[uuid.UUID] | None = None, stage_ids: Sequence[uuid.UUID] | None = None
) -> QuerySet[PipelineStage]:
    """Pipeline stages, each pipeline's in order, optionally of some pipelines or with some ids."""
    query = scoped(PipelineStage)
    if pipeline_ids is not None:
        query = query.filter(pipeline_id__in=list(pipeline_ids))
    if stage_ids is not None:
        query = query.filter(id__in=list(stage_ids))
    return query.order_by("pipeline_id", "position")


def list_deal_stage_changes(
    *, deal_ids: Sequence[uuid.UUID] | None = None, change_ids: Sequence[uuid.UUID] | None = None
) -> QuerySet[DealStageChange]:
    """Deal stage changes, each deal's oldest first, optionally of some deals or with some ids."""
    query = scoped(DealStageChange)
    if deal_ids is not None:
        query = query.filter(deal_id__in=list(deal_ids))
    if change_ids is not None:
        query = query.filter(id__in=list(change_ids))
    return query.order_by("changed_at", "created_at", "id")


def list_quote_lines(
    *, quote_ids: Sequence[uuid.UUID] | None = None, line_ids: Sequence[uuid.UUID] | None = None
) -> QuerySet[QuoteLine]:
    """Quote lines, each quote's in order, optionally of some quotes or with some ids."""
    query = scoped(QuoteLine)
    if quote_ids is not None:
        query = query.filter(quote_id__in=list(quote_ids))
    if line_ids is not None:
        query = query.filter(id__in=list(line_ids))
    return query.order_by("quote_id", "position")


def list_sales_order_lines(
    *, sales_order_ids: Sequence[uuid.UUID] | None = None, line_ids: Sequence[uuid.UUID] | None = None
) -> QuerySet[SalesOrderLine]:
    """Sales order lines, each order's in order, optionally of some orders or with some ids."""
    query = scoped(SalesOrderLine)
    if sales_order_ids is not None:
        query = query.filter(sales_order_id__in=list(sales_order_ids))
    if line_ids is not None:
        query = query.filter(id__in=list(line_ids))
    return query.order_by("sales_order_id", "position")
