"""Operations domain events."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from domain.operations.models import GoodsReceipt, Product, PurchaseOrder, Shipment, StockMovement
from domain.outbox.payloads import payload

STOCK_LOW = "operations.stock_low"
PURCHASE_ORDER_CREATED = "operations.purchase_order_created"
GOODS_RECEIVED = "operations.goods_received"
SHIPMENT_SHIPPED = "operations.shipment_shipped"


def stock_low(product: Product, movement: StockMovement, *, on_hand: Decimal) -> dict[str, Any]:
    return payload(
        product_id=product.id,
        sku=product.sku,
        on_hand=on_hand,
        reorder_point=product.reorder_point,
        reorder_quantity=product.reorder_quantity,
        preferred_supplier_id=product.preferred_supplier_id,
        movement_id=movement.id,
        warehouse_id=movement.warehouse_id,
    )


def purchase_order_created(order: PurchaseOrder) -> dict[str, Any]:
    return payload(
        purchase_order_id=order.id,
        number=order.number,
        supplier_id=order.supplier_id,
        warehouse_id=order.warehouse_id,
        currency=order.currency,
        total=order.total,
        expected_on=order.expected_on,
    )


def goods_received(receipt: GoodsReceipt, order: PurchaseOrder, *, lines: list[dict[str, Any]]) -> dict[str, Any]:
    return payload(
        goods_receipt_id=receipt.id,
        number=receipt.number,
        purchase_order_id=order.id,
        purchase_order_status=order.status,
        warehouse_id=receipt.warehouse_id,
        received_on=receipt.received_on,
        lines=lines,
    )


def shipment_shipped(shipment: Shipment) -> dict[str, Any]:
    return payload(
        shipment_id=shipment.id,
        number=shipment.number,
        customer_id=shipment.customer_id,
        sales_order_id=shipment.sales_order_id,
        warehouse_id=shipment.warehouse_id,
        shipped_at=shipment.shipped_at,
    )
