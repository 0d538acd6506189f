"""Attack-suite factories for the sales Node types."""

from __future__ import annotations

import uuid
from decimal import Decimal

from domain.crm import service as crm_service
from domain.sales import service as sales_service



async def lead(marker: str) -> uuid.UUID:
    return (await sales_service.create_lead(company_name=f"{marker} Prospect")).id


async def pipeline(marker: str) -> uuid.UUID:
    return (await _pipeline(marker)).id


async def _pipeline(marker: str):
    stages = [sales_service.StageInput(name=f"{marker} Qualify", probability=20), sales_service.StageInput(name="Proposal", probability=60)]
    return await sales_service.create_pipeline(name=f"{marker} Pipeline {uuid.uuid4().hex[:6]}", stages=stages)


async def pipeline_stage(marker: str) -> uuid.UUID:
    return (await sales_service.list_pipeline_stages(pipeline_ids=[(await _pipeline(marker)).id]))[0].id


async def _deal(marker: str):
    customer = await crm_service.create_customer(name=f"{marker} Deal's Customer")
    return await sales_service.create_deal(
        customer_id=customer.id, pipeline_id=(await _pipeline(marker)).id, name=f"{marker} Deal", amount=Decimal("1000"),
        currency="EUR", created_by=marker,
    )


async def deal(marker: str) -> uuid.UUID:
    return (await _deal(marker)).id


async def deal_stage_change(marker: str) -> uuid.UUID:
    return (await sales_service.list_deal_stage_changes(deal_ids=[(await _deal(marker)).id]))[0].id


async def _quote(marker: str):
    customer = await crm_service.create_customer(name=f"{marker} Quote's Customer")
    line = sales_service.SalesLineInput(description=f"{marker} item", quantity=Decimal(2), unit_price=Decimal("10.00"))
    return await sales_service.create_quote(customer_id=customer.id, currency="EUR", lines=[line])


async def quote(marker: str) -> uuid.UUID:
    return (await _quote(marker)).id


async def quote_line(marker: str) -> uuid.UUID:
    return (await sales_service.list_quote_lines(quote_ids=[(await _quote(marker)).id]))[0].id


async def _sales_order(marker: str):
    customer = await crm_service.create_customer(name=f"{marker} Order's Customer")
    line = sales_service.SalesLineInput(description=f"{marker} item", quantity=Decimal(1), unit_price=Decimal("99.00"))
    return await sales_service.create_sales_order(customer_id=customer.id, currency="EUR", lines=[line])


async def sales_order(marker: str) -> uuid.UUID:
    return (await _sales_order(marker)).id


async def sales_order_line(marker: str) -> uuid.UUID:
    return (await sales_service.list_sales_order_lines(sales_order_ids=[(await _sales_order(marker)).id]))[0].id


FACTORIES = {
    "Lead": lead,
    "Pipeline": pipeline,
    "PipelineStage": pipeline_stage,
    "Deal": deal,
    "DealStageChange": deal_stage_change,
    "Quote": quote,
    "QuoteLine": quote_line,
    "SalesOrder": sales_order,
    "SalesOrderLine": sales_order_line,
}
