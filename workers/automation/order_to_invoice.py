"""Deal won → sales order → stock reserved (purchase orders for what is short) → invoice issued.

Each step is its own automation reacting to the event the previous step's domain service records,
so each runs (and is retried) on its own and applies its effect once.
"""

from __future__ import annotations

import uuid
from typing import Any

from domain.finance import order_invoicing
from domain.sales import events as sales_events
from domain.sales import service as sales_service
from workers.automation.registry import automation

ACTOR = "automation:order_to_invoice"


@automation("sales.order_for_won_deal", on=[sales_events.DEAL_WON])
async def order_for_won_deal(*, event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    """A won deal becomes a sales order."""
    await sales_service.create_order_for_won_deal(deal_id=uuid.UUID(payload["deal_id"]))


@automation("sales.reserve_stock_for_deal_order", on=[sales_events.SALES_ORDER_CREATED])
async def reserve_stock(*, event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    """A won deal's order has its goods reserved; orders entered by hand are left to the people who entered them."""
    if payload.get("deal_id"):
        await sales_service.reserve_stock_for_order(sales_order_id=uuid.UUID(payload["sales_order_id"]))


@automation("finance.invoice_reserved_order", on=[sales_events.STOCK_RESERVED])
async def invoice_reserved_order(*, event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    """Once its goods are set aside, the order is invoiced."""
    await order_invoicing.invoice_sales_order(sales_order_id=uuid.UUID(payload["sales_order_id"]), issued_by=ACTOR)
