"""From a won deal to goods set aside: the deal's order, and the stock reserved for it.

A won deal becomes one sales order: its accepted quote's lines when it has one, else one line for
the deal's amount. The order's product lines are reserved as a pending shipment from the warehouse
that covers most of them; what that warehouse lacks is ordered from the preferred suppliers.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from tortoise.transactions import in_transaction

from domain.errors import DomainError
from domain.operations import service as operations_service
from domain.outbox import record_event
from domain.sales import events
from domain.sales.errors import SalesErrorCode
from domain.sales.models import Deal, DealStatus, Quote, QuoteStatus, SalesOrder, SalesOrderStatus
from domain.sales.orders import SalesLineInput, create_sales_order, create_sales_order_from_quote, sales_order_lines, ship_sales_order
from domain.sales.pipelines import get_deal_or_raise
from tenants.ownership import scoped


@dataclass(frozen=True)
class Reservation:
    order: SalesOrder
    shipment_id: uuid.UUID | None  # None: the order has no product lines, nothing to set aside
    warehouse_id: uuid.UUID | None
    purchase_order_ids: list[uuid.UUID]
    unsourced_product_ids: list[uuid.UUID]


async def create_order_for_won_deal(*, deal_id: uuid.UUID) -> SalesOrder:
    """The won deal's sales order, created on first call (from its accepted quote, else for its amount)."""
    deal = await get_deal_or_raise(deal_id=deal_id)
    if deal.status is not DealStatus.WON:
        raise DomainError(SalesErrorCode.DEAL_CLOSED, f"the deal is {deal.status}, not won", field="deal_id")
    existing = await scoped(SalesOrder).filter(deal_id=deal.id).exclude(status=SalesOrderStatus.CANCELLED).first()
    if existing is not None:
        return existing
    quote = await scoped(Quote).filter(deal_id=deal.id, status=QuoteStatus.ACCEPTED).order_by("-created_at").first()
    if quote is not None:
        return await create_sales_order_from_quote(quote_id=quote.id)
    return await create_sales_order(
        customer_id=deal.customer_id, currency=deal.currency, deal_id=deal.id,
        lines=[SalesLineInput(description=deal.name, quantity=Decimal(1), unit_price=deal.amount)],
    )


async def reserve_stock_for_order(*, sales_order_id: uuid.UUID) -> Reservation:
    """Set the open order's goods aside (once) and order what is short; records `sales.stock_reserved`."""
    async with in_transaction():
        order = await scoped(SalesOrder).select_for_update().get_or_none(id=sales_order_id)
        if order is None:
            raise DomainError(SalesErrorCode.NOT_FOUND, "sales order not found", field="sales_order_id")
        if order.status is not SalesOrderStatus.OPEN:
            raise DomainError(SalesErrorCode.ORDER_NOT_OPEN, f"the order is {order.status}", field="sales_order_id")
        held = [s for s in await operations_service.list_shipments(sales_order_id=order.id) if s.status is not operations_service.ShipmentStatus.CANCELLED]
        if held:
            return Reservation(order=order, shipment_id=held[0].id, warehouse_id=held[0].warehouse_id, purchase_order_ids=[], unsourced_product_ids=[])
        needs: dict[uuid.UUID, Decimal] = {}
        for line in await sales_order_lines(sales_order_id=order.id):
            if line.product_id is not None:
                needs[line.product_id] = needs.get(line.product_id, Decimal(0)) + line.quantity
        reservation = Reservation(order=order, shipment_id=None, warehouse_id=None, purchase_order_ids=[], unsourced_product_ids=[])
        if needs:
            warehouse = await operations_service.choose_warehouse(needs=needs)
            shipment = await ship_sales_order(sales_order_id=order.id, warehouse_id=warehouse.id)
            bought = await operations_service.replenish_shortfall(warehouse_id=warehouse.id, product_ids=list(needs), currency=order.currency)
            reservation = Reservation(
                order=order, shipment_id=shipment.id, warehouse_id=warehouse.id,
                purchase_order_ids=[po.id for po in bought.purchase_orders], unsourced_product_ids=bought.unsourced,
            )
        await record_event(
            event_type=events.STOCK_RESERVED,
            payload=events.stock_reserved(
                order, shipment_id=reservation.shipment_id, warehouse_id=reservation.warehouse_id,
                purchase_order_ids=reservation.purchase_order_ids,
            ),
            idempotency_key=f"{events.STOCK_RESERVED}:{order.id}",
        )
    return reservation


async def account_owner(*, customer_id: uuid.UUID) -> str | None:
    """Who looks after the customer: the owner of its latest won deal, else of its latest deal (None: nobody)."""
    owned = scoped(Deal).filter(customer_id=customer_id, owner__isnull=False).exclude(owner="")
    deal = await owned.filter(status=DealStatus.WON).order_by("-closed_at", "-created_at").first()
    deal = deal or await owned.order_by("-created_at").first()
    return deal.owner if deal else None
