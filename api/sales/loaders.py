"""Sales DataLoaders: a page of deals, quotes or orders loads each nested list or object in one query."""

from __future__ import annotations

import uuid

from api.context import Info
from api.loaders import by_id, grouped, loader_for, variant
from api.ordering import Narrowing, Ordering, narrow
from domain.sales import service as sales_service
from domain.sales.models import Deal, DealStageChange, Pipeline, PipelineStage, Quote, QuoteLine, SalesOrder, SalesOrderLine


def pipeline_by_id(info: Info):
    async def batch(pipeline_ids: list[uuid.UUID]) -> list[Pipeline | None]:
        return by_id(await sales_service.list_pipelines().filter(id__in=pipeline_ids), pipeline_ids)

    return loader_for(info, "sales.pipeline_by_id", batch)


def stage_by_id(info: Info):
    async def batch(stage_ids: list[uuid.UUID]) -> list[PipelineStage | None]:
        return by_id(await sales_service.list_pipeline_stages(stage_ids=stage_ids), stage_ids)

    return loader_for(info, "sales.stage_by_id", batch)


def deal_by_id(info: Info):
    async def batch(deal_ids: list[uuid.UUID]) -> list[Deal | None]:
        return by_id(await sales_service.list_deals().filter(id__in=deal_ids), deal_ids)

    return loader_for(info, "sales.deal_by_id", batch)


def quote_by_id(info: Info):
    async def batch(quote_ids: list[uuid.UUID]) -> list[Quote | None]:
        return by_id(await sales_service.list_quotes().filter(id__in=quote_ids), quote_ids)

    return loader_for(info, "sales.quote_by_id", batch)


def stages_by_pipeline(info: Info):
    async def batch(pipeline_ids: list[uuid.UUID]) -> list[list[PipelineStage]]:
        rows = await sales_service.list_pipeline_stages(pipeline_ids=pipeline_ids)
        return grouped(rows, pipeline_ids, lambda row: row.pipeline_id)

    return loader_for(info, "sales.stages_by_pipeline", batch)


def stage_history_by_deal(info: Info):
    async def batch(deal_ids: list[uuid.UUID]) -> list[list[DealStageChange]]:
        rows = await sales_service.list_deal_stage_changes(deal_ids=deal_ids)
        return grouped(rows, deal_ids, lambda row: row.deal_id)

    return loader_for(info, "sales.stage_history_by_deal", batch)


def lines_by_quote(info: Info):
    async def batch(quote_ids: list[uuid.UUID]) -> list[list[QuoteLine]]:
        rows = await sales_service.list_quote_lines(quote_ids=quote_ids)
        return grouped(rows, quote_ids, lambda row: row.quote_id)

    return loader_for(info, "sales.lines_by_quote", batch)


def lines_by_sales_order(info: Info):
    async def batch(sales_order_ids: list[uuid.UUID]) -> list[list[SalesOrderLine]]:
        rows = await sales_service.list_sales_order_lines(sales_order_ids=sales_order_ids)
        return grouped(rows, sales_order_ids, lambda row: row.sales_order_id)

    return loader_for(info, "sales.lines_by_sales_order", batch)


def deals_by_customer(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    async def batch(customer_ids: list[uuid.UUID]) -> list[list[Deal]]:
        rows = await narrow(sales_service.list_deals(), filter, order).filter(customer_id__in=customer_ids)
        return grouped(rows, customer_ids, lambda row: row.customer_id)

    return loader_for(info, f"sales.deals_by_customer{variant(filter, order)}", batch)


def sales_orders_by_customer(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    async def batch(customer_ids: list[uuid.UUID]) -> list[list[SalesOrder]]:
        rows = await narrow(sales_service.list_sales_orders(), filter, order).filter(customer_id__in=customer_ids)
        return grouped(rows, customer_ids, lambda row: row.customer_id)

    return loader_for(info, f"sales.sales_orders_by_customer{variant(filter, order)}", batch)
