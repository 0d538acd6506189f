"""Purchase orders and the goods received against them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.errors import DomainError
from domain.money import Money, currency_code
from domain.operations import events
from domain.operations.catalog import get_product_or_raise, get_supplier_or_raise, get_warehouse_or_raise
from domain.operations.errors import OperationsErrorCode
from domain.operations.models import (
    GoodsReceipt,
    GoodsReceiptLine,
    MovementKind,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
)
from domain.operations.stock import move_stock
from domain.outbox import record_event
from domain.sequences.service import next_number
from domain.validation import non_negative_decimal, positive_decimal, required_text
from tenants.ownership import create_owned, scoped

OPEN_STATUSES = (PurchaseOrderStatus.ORDERED, PurchaseOrderStatus.PARTIALLY_RECEIVED)


@dataclass(frozen=True)
class PurchaseOrderLineInput:
    product_id: uuid.UUID
    quantity: Decimal
    unit_price: Decimal


@dataclass(frozen=True)
class ReceiptLineInput:
    purchase_order_line_id: uuid.UUID
    quantity: Decimal


def list_purchase_orders(*, supplier_id: uuid.UUID | None = None, open_only: bool = False) -> QuerySet[PurchaseOrder]:
    """Purchase orders, newest first, optionally of one supplier or only those still open."""
    query = scoped(PurchaseOrder)
    if supplier_id is not None:
        query = query.filter(supplier_id=supplier_id)
    if open_only:
        query = query.filter(status__in=OPEN_STATUSES)
    return query.order_by("-ordered_on", "-created_at")


async def get_purchase_order_or_raise(*, purchase_order_id: uuid.UUID, field: str = "purchase_order_id") -> PurchaseOrder:
    """The purchase order with this id, or NOT_FOUND naming `field`."""
    order = await scoped(PurchaseOrder).get_or_none(id=purchase_order_id)
    if order is None:
        raise DomainError(OperationsErrorCode.NOT_FOUND, "purchase order not found", field=field)
    return order


def purchase_order_lines(*, purchase_order_id: uuid.UUID) -> QuerySet[PurchaseOrderLine]:
    """A purchase order's lines in order."""
    return scoped(PurchaseOrderLine).filter(purchase_order_id=purchase_order_id).order_by("position")


async def create_purchase_order(
    *,
    supplier_id: uuid.UUID,
    warehouse_id: uuid.UUID,
    currency: str,
    lines: Sequence[PurchaseOrderLineInput],
    ordered_on: date | None = None,
    expected_on: date | None = None,
    number: str | None = None,
) -> PurchaseOrder:
    """Place an order with a supplier for delivery to a warehouse, and record `purchase_order_created`."""
    supplier = await get_supplier_or_raise(supplier_id=supplier_id)
    warehouse = await get_warehouse_or_raise(warehouse_id=warehouse_id)
    currency = currency_code(currency)
    if not lines:
        raise DomainError(OperationsErrorCode.LINES_REQUIRED, "a purchase order needs at least one line", field="lines")
    resolved = []
    for index, line in enumerate(lines):
        product = await get_product_or_raise(product_id=line.product_id, field=f"lines.{index}.product_id")
        quantity = positive_decimal(line.quantity, field=f"lines.{index}.quantity")
        unit_price = non_negative_decimal(line.unit_price, field=f"lines.{index}.unit_price")
        resolved.append((product, quantity, unit_price, Money(quantity * unit_price, currency).rounded()))
    total = Money.total((line_total for *_, line_total in resolved), currency=currency)
    async with in_transaction():
        if number is None:
            number = await next_number(model=PurchaseOrder, prefix="PO-")
        else:
            number = required_text(number, field="number", max_length=32)
            if await scoped(PurchaseOrder).filter(number=number).exists():
                raise DomainError(OperationsErrorCode.DUPLICATE, f"purchase order {number} exists", field="number")
        order = await create_owned(
            PurchaseOrder,
            number=number,
            supplier=supplier,
            warehouse=warehouse,
            currency=currency,
            total=total.amount,
            ordered_on=ordered_on or clock.today(),
            expected_on=expected_on,
        )
        for position, (product, quantity, unit_price, line_total) in enumerate(resolved, start=1):
            await create_owned(
                PurchaseOrderLine,
                purchase_order=order,
                position=position,
                product=product,
                quantity=quantity,
                unit_price=unit_price,
                line_total=line_total.amount,
            )
        await record_event(
            event_type=events.PURCHASE_ORDER_CREATED,
            payload=events.purchase_order_created(order),
            idempotency_key=f"{events.PURCHASE_ORDER_CREATED}:{order.id}",
        )
    return order


async def cancel_purchase_order(*, purchase_order_id: uuid.UUID) -> PurchaseOrder:
    """Cancel an order nothing has been received against."""
    async with in_transaction():
        order = await scoped(PurchaseOrder).select_for_update().get_or_none(id=purchase_order_id)
        if order is None:
            raise DomainError(OperationsErrorCode.NOT_FOUND, "purchase order not found", field="purchase_order_id")
        if order.status is not PurchaseOrderStatus.ORDERED:
            raise DomainError(OperationsErrorCode.ORDER_HAS_RECEIPTS, f"the order is {order.status}", field="purchase_order_id")
        order.status = PurchaseOrderStatus.CANCELLED
        await order.save(update_fields=["status", "updated_at"])
    return order


async def receive_goods(
    *,
    purchase_order_id: uuid.UUID,
    lines: Sequence[ReceiptLineInput],
    received_on: date | None = None,
    received_by: str | None = None,
    at: datetime | None = None,
) -> GoodsReceipt:
    """Book goods that arrived against an open purchase order into its warehouse, never beyond what was ordered;
    the stock movements are stamped `at` (default: now), as when a receipt is entered after the fact."""
    if not lines:
        raise DomainError(OperationsErrorCode.LINES_REQUIRED, "a receipt needs at least one line", field="lines")
    async with in_transaction():
        order = await scoped(PurchaseOrder).select_for_update().get_or_none(id=purchase_order_id)
        if order is None:
            raise DomainError(OperationsErrorCode.NOT_FOUND, "purchase order not found", field="purchase_order_id")
        if order.status not in OPEN_STATUSES:
            raise DomainError(OperationsErrorCode.ORDER_CLOSED, f"the order is {order.status}", field="purchase_order_id")
        order_lines = {line.id: line for line in await purchase_order_lines(purchase_order_id=order.id)}
        warehouse = await order.warehouse
        receipt = await create_owned(
            GoodsReceipt,
            number=await next_number(model=GoodsReceipt, prefix="GR-"),
            purchase_order=order,
            warehouse=warehouse,
            received_on=received_on or clock.today(),
            received_by=received_by,
        )
        received = []
        for index, line in sorted(enumerate(lines), key=lambda item: str(item[1].purchase_order_line_id)):
            order_line = order_lines.get(line.purchase_order_line_id)
            if order_line is None:
                raise DomainError(
                    OperationsErrorCode.LINE_OF_ANOTHER_ORDER, "not a line of this purchase order", field=f"lines.{index}.purchase_order_line_id"
                )
            quantity = positive_decimal(line.quantity, field=f"lines.{index}.quantity")
            if order_line.quantity_received + quantity > order_line.quantity:
                raise DomainError(
                    OperationsErrorCode.OVER_RECEIPT,
                    f"{order_line.quantity - order_line.quantity_received} outstanding, {quantity} received",
                    field=f"lines.{index}.quantity",
                )
            order_line.quantity_received += quantity
            await order_line.save(update_fields=["quantity_received", "updated_at"])
            await create_owned(
                GoodsReceiptLine, receipt=receipt, purchase_order_line=order_line, product_id=order_line.product_id, quantity=quantity
            )
            await move_stock(
                product=await order_line.product,
                warehouse=warehouse,
                quantity_change=quantity,
                kind=MovementKind.RECEIPT,
                reference=f"goods_receipt:{receipt.number}",
                moved_by=received_by,
                at=at,
                field=f"lines.{index}.quantity",
            )
            received.append({"purchase_order_line_id": order_line.id, "product_id": order_line.product_id, "quantity": quantity})
        complete = all(line.quantity_received >= line.quantity for line in order_lines.values())
        order.status = PurchaseOrderStatus.RECEIVED if complete else PurchaseOrderStatus.PARTIALLY_RECEIVED
        await order.save(update_fields=["status", "updated_at"])
        await record_event(
            event_type=events.GOODS_RECEIVED,
            payload=events.goods_received(receipt, order, lines=received),
            idempotency_key=f"{events.GOODS_RECEIVED}:{receipt.id}",
        )
    return receipt


def list_goods_receipts(*, purchase_order_id: uuid.UUID | None = None) -> QuerySet[GoodsReceipt]:
    """Goods receipts, newest first, optionally of one purchase order."""
    query = scoped(GoodsReceipt)
    if purchase_order_id is not None:
        query = query.filter(purchase_order_id=purchase_order_id)
    return query.order_by("-received_on", "-created_at")
