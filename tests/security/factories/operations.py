"""Attack-suite factories for the operations area's Node types."""

from __future__ import annotations

import uuid
from decimal import Decimal

from domain.operations import lookups as operations_lookups
from domain.operations import service as operations_service


async def _stocked(marker: str, label: str):
    """A product with stock in a warehouse, and a supplier to order it from."""
    supplier = await operations_service.create_supplier(name=f"{marker} {label} supplier")
    product = await operations_service.create_product(sku=f"{marker}-{label}", name=f"{marker} {label}", preferred_supplier_id=supplier.id)
    warehouse = await operations_service.create_warehouse(code=f"{label[:4]}-{uuid.uuid4().hex[:6]}", name=f"{marker} {label} warehouse")
    await operations_service.adjust_stock(product_id=product.id, warehouse_id=warehouse.id, quantity_change=Decimal(10), reason=f"{marker} count")
    return supplier, product, warehouse


async def _ordered(marker: str, label: str):
    supplier, product, warehouse = await _stocked(marker, label)
    order = await operations_service.create_purchase_order(
        supplier_id=supplier.id, warehouse_id=warehouse.id, currency="EUR",
        lines=[operations_service.PurchaseOrderLineInput(product_id=product.id, quantity=Decimal(5), unit_price=Decimal("2.50"))],
    )
    return order, product


async def _received(marker: str, label: str):
    order, _ = await _ordered(marker, label)
    [line] = await operations_service.purchase_order_lines(purchase_order_id=order.id)
    lines = [operations_service.ReceiptLineInput(purchase_order_line_id=line.id, quantity=Decimal(2))]
    return await operations_service.receive_goods(purchase_order_id=order.id, lines=lines, received_by=marker)


async def _shipment(marker: str, label: str):
    _, product, warehouse = await _stocked(marker, label)
    lines = [operations_service.ShipmentLineInput(product_id=product.id, quantity=Decimal(1))]
    return await operations_service.create_shipment(warehouse_id=warehouse.id, lines=lines)


async def product(marker: str) -> uuid.UUID:
    return (await _stocked(marker, "Product"))[1].id


async def warehouse(marker: str) -> uuid.UUID:
    return (await _stocked(marker, "Warehouse"))[2].id


async def supplier(marker: str) -> uuid.UUID:
    return (await _stocked(marker, "Supplier"))[0].id


async def stock_level(marker: str) -> uuid.UUID:
    _, stocked, _ = await _stocked(marker, "Level")
    [level] = await operations_service.list_stock_levels(product_id=stocked.id)
    return level.id


async def stock_movement(marker: str) -> uuid.UUID:
    _, stocked, _ = await _stocked(marker, "Movement")
    [movement] = await operations_service.list_movements(product_id=stocked.id)
    return movement.id


async def purchase_order(marker: str) -> uuid.UUID:
    return (await _ordered(marker, "Order"))[0].id


async def purchase_order_line(marker: str) -> uuid.UUID:
    order, _ = await _ordered(marker, "OrderLine")
    [line] = await operations_service.purchase_order_lines(purchase_order_id=order.id)
    return line.id


async def goods_receipt(marker: str) -> uuid.UUID:
    return (await _received(marker, "Receipt")).id


async def goods_receipt_line(marker: str) -> uuid.UUID:
    receipt = await _received(marker, "ReceiptLine")
    [line] = await operations_lookups.lines_of_goods_receipts(receipt_ids=[receipt.id])
    return line.id


async def shipment(marker: str) -> uuid.UUID:
    return (await _shipment(marker, "Shipment")).id


async def shipment_line(marker: str) -> uuid.UUID:
    shipped = await _shipment(marker, "ShipmentLine")
    [line] = await operations_service.shipment_lines(shipment_id=shipped.id)
    return line.id


FACTORIES = {
    "Product": product,
    "Warehouse": warehouse,
    "Supplier": supplier,
    "StockLevel": stock_level,
    "StockMovement": stock_movement,
    "PurchaseOrder": purchase_order,
    "PurchaseOrderLine": purchase_order_line,
    "GoodsReceipt": goods_receipt,
    "GoodsReceiptLine": goods_receipt_line,
    "Shipment": shipment,
    "ShipmentLine": shipment_line,
}
