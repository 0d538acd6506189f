"""Sales domain events."""

from __future__ import annotations

from typing import Any

from domain.outbox.payloads import payload
from domain.sales.models import Deal, DealStageChange, SalesOrder

DEAL_STAGE_CHANGED = "sales.deal_stage_changed"
DEAL_WON = "sales.deal_won"
DEAL_LOST = "sales.deal_lost"
SALES_ORDER_CREATED = "sales.sales_order_created"
STOCK_RESERVED = "sales.stock_reserved"  # a won deal's order has its goods set aside (or ordered in)


def deal_stage_changed(deal: Deal, change: DealStageChange) -> dict[str, Any]:
    return payload(
        deal_id=deal.id,
        customer_id=deal.customer_id,
        pipeline_id=deal.pipeline_id,
        from_stage_id=change.from_stage_id,
        to_stage_id=change.to_stage_id,
        changed_at=change.changed_at,
        changed_by=change.changed_by,
    )


def deal_closed(deal: Deal, change: DealStageChange) -> dict[str, Any]:
    return payload(
        deal_id=deal.id,
        customer_id=deal.customer_id,
        pipeline_id=deal.pipeline_id,
        stage_id=deal.stage_id,
        status=deal.status,
        amount=deal.amount,
        currency=deal.currency,
        closed_at=deal.closed_at,
        changed_by=change.changed_by,
    )


def sales_order_created(order: SalesOrder) -> dict[str, Any]:
    return payload(
        sales_order_id=order.id,
        number=order.number,
        customer_id=order.customer_id,
        deal_id=order.deal_id,
        quote_id=order.quote_id,
        currency=order.currency,
        total=order.total,
    )


def stock_reserved(order: SalesOrder, *, shipment_id: Any, warehouse_id: Any, purchase_order_ids: list[Any]) -> dict[str, Any]:
    return payload(
        sales_order_id=order.id,
        number=order.number,
        customer_id=order.customer_id,
        shipment_id=shipment_id,
        warehouse_id=warehouse_id,
        short=bool(purchase_order_ids),
        purchase_order_ids=purchase_order_ids,
    )
