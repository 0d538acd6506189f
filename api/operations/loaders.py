"""Operations DataLoaders: a page of products, orders or shipments loads what hangs off it in one query each."""

from __future__ import annotations

import uuid
from decimal import Decimal

from api.context import Info
from api.loaders import by_id, grouped, loader_for, variant
from api.ordering import Narrowing, Ordering, narrow
from domain.operations import lookups as operations_lookups
from domain.operations import service as operations_service
from domain.operations.models import (
    GoodsReceipt,
    GoodsReceiptLine,
    Product,
    PurchaseOrder,
    PurchaseOrderLine,
    ShipmentLine,
    StockLevel,
    Supplier,
    Warehouse,
)


def product_by_id(info: Info):
    async def batch(product_ids: list[uuid.UUID]) -> list[Product | None]:
        return by_id(await operations_service.get_products(product_ids=product_ids), product_ids)

    return loader_for(info, "operations.product_by_id", batch)


def warehouse_by_id(info: Info):
    async def batch(warehouse_ids: list[uuid.UUID]) -> list[Warehouse | None]:
        return by_id(await operations_service.list_warehouses().filter(id__in=warehouse_ids), warehouse_ids)

    return loader_for(info, "operations.warehouse_by_id", batch)


def supplier_by_id(info: Info):
    async def batch(supplier_ids: list[uuid.UUID]) -> list[Supplier | None]:
        return by_id(await operations_service.list_suppliers().filter(id__in=supplier_ids), supplier_ids)

    return loader_for(info, "operations.supplier_by_id", batch)


def purchase_order_by_id(info: Info):
    async def batch(purchase_order_ids: list[uuid.UUID]) -> list[PurchaseOrder | None]:
        return by_id(await operations_service.list_purchase_orders().filter(id__in=purchase_order_ids), purchase_order_ids)

    return loader_for(info, "operations.purchase_order_by_id", batch)


def purchase_order_line_by_id(info: Info):
    async def batch(line_ids: list[uuid.UUID]) -> list[PurchaseOrderLine | None]:
        return by_id(await operations_lookups.lines_of_purchase_orders().filter(id__in=line_ids), line_ids)

    return loader_for(info, "operations.purchase_order_line_by_id", batch)


def on_hand_by_product(info: Info):
    async def batch(product_ids: list[uuid.UUID]) -> list[Decimal]:
        totals = await operations_service.on_hand_by_product(product_ids=product_ids)
        return [totals[product_id] for product_id in product_ids]

    return loader_for(info, "operations.on_hand_by_product", batch)


def stock_levels_by_product(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    async def batch(product_ids: list[uuid.UUID]) -> list[list[StockLevel]]:
        rows = await narrow(operations_service.list_stock_levels(), filter, order).filter(product_id__in=product_ids)
        return grouped(rows, product_ids, lambda row: row.product_id)

    return loader_for(info, f"operations.stock_levels_by_product{variant(filter, order)}", batch)


def stock_levels_by_warehouse(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    async def batch(warehouse_ids: list[uuid.UUID]) -> list[list[StockLevel]]:
        rows = await narrow(operations_service.list_stock_levels(), filter, order).filter(warehouse_id__in=warehouse_ids)
        return grouped(rows, warehouse_ids, lambda row: row.warehouse_id)

    return loader_for(info, f"operations.stock_levels_by_warehouse{variant(filter, order)}", batch)


def purchase_orders_by_supplier(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    async def batch(supplier_ids: list[uuid.UUID]) -> list[list[PurchaseOrder]]:
        rows = await narrow(operations_service.list_purchase_orders(), filter, order).filter(supplier_id__in=supplier_ids)
        return grouped(rows, supplier_ids, lambda row: row.supplier_id)

    return loader_for(info, f"operations.purchase_orders_by_supplier{variant(filter, order)}", batch)


def lines_by_purchase_order(info: Info):
    async def batch(purchase_order_ids: list[uuid.UUID]) -> list[list[PurchaseOrderLine]]:
        rows = await operations_lookups.lines_of_purchase_orders(purchase_order_ids=purchase_order_ids)
        return grouped(rows, purchase_order_ids, lambda row: row.purchase_order_id)

    return loader_for(info, "operations.lines_by_purchase_order", batch)


def receipts_by_purchase_order(info: Info):
    async def batch(purchase_order_ids: list[uuid.UUID]) -> list[list[GoodsReceipt]]:
        rows = await operations_service.list_goods_receipts().filter(purchase_order_id__in=purchase_order_ids)
        return grouped(rows, purchase_order_ids, lambda row: row.purchase_order_id)

    return loader_for(info, "operations.receipts_by_purchase_order", batch)


def lines_by_goods_receipt(info: Info):
    async def batch(receipt_ids: list[uuid.UUID]) -> list[list[GoodsReceiptLine]]:
        rows = await operations_lookups.lines_of_goods_receipts(receipt_ids=receipt_ids)
        return grouped(rows, receipt_ids, lambda row: row.receipt_id)

    return loader_for(info, "operations.lines_by_goods_receipt", batch)


def lines_by_shipment(info: Info):
    async def batch(shipment_ids: list[uuid.UUID]) -> list[list[ShipmentLine]]:
        rows = await operations_lookups.lines_of_shipments(shipment_ids=shipment_ids)
        return grouped(rows, shipment_ids, lambda row: row.shipment_id)

    return loader_for(info, "operations.lines_by_shipment", batch)
