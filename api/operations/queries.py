"""Operations queries."""

from __future__ import annotations

import strawberry

from api.node_ids import decode_global_id
from api.operations.filters import (
    GoodsReceiptFilter,
    GoodsReceiptOrder,
    ProductFilter,
    ProductOrder,
    PurchaseOrderFilter,
    PurchaseOrderOrder,
    ShipmentFilter,
    ShipmentOrder,
    StockLevelFilter,
    StockLevelOrder,
    StockMovementFilter,
    StockMovementOrder,
    SupplierFilter,
    SupplierOrder,
    WarehouseFilter,
    WarehouseOrder,
)
from api.operations.types import (
    GoodsReceiptNode,
    ProductNode,
    PurchaseOrderNode,
    ShipmentNode,
    StockLevelNode,
    StockMovementNode,
    SupplierNode,
    WarehouseNode,
)
from api.ordering import apply_order
from api.pagination import Connection, paginate
from api.permissions import Requires
from domain.operations import service as operations_service
from tenants.permissions import Scope

OPERATIONS_READ = [Requires(Scope.OPERATIONS_READ)]


@strawberry.type
class OperationsQuery:
    @strawberry.field(permission_classes=OPERATIONS_READ, description="Products, active and inactive (by SKU unless ordered).")
    async def products(
        self,
        filter: ProductFilter | None = None,
        order_by: ProductOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ProductNode]:
        query = (filter or ProductFilter()).apply(operations_service.list_products(active=None))
        query = apply_order(query, order_by, default=("sku", "id"))
        return await paginate(query, ProductNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=OPERATIONS_READ, description="One product by its global id, or null when there is none.")
    async def product(self, id: strawberry.ID) -> ProductNode | None:
        row = await operations_service.get_product(product_id=decode_global_id(id, expected_type="Product"))
        return ProductNode.from_model(row) if row else None

    @strawberry.field(permission_classes=OPERATIONS_READ, description="Warehouses (by code unless ordered).")
    async def warehouses(
        self,
        filter: WarehouseFilter | None = None,
        order_by: WarehouseOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[WarehouseNode]:
        query = (filter or WarehouseFilter()).apply(operations_service.list_warehouses())
        query = apply_order(query, order_by, default=("code", "id"))
        return await paginate(query, WarehouseNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=OPERATIONS_READ, description="How much of each product each warehouse holds.")
    async def stock_levels(
        self,
        filter: StockLevelFilter | None = None,
        order_by: StockLevelOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[StockLevelNode]:
        query = (filter or StockLevelFilter()).apply(operations_service.list_stock_levels())
        query = apply_order(query, order_by, default=("product_id", "warehouse_id", "id"))
        return await paginate(query, StockLevelNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=OPERATIONS_READ, description="Every change of stock, oldest first unless ordered.")
    async def stock_movements(
        self,
        filter: StockMovementFilter | None = None,
        order_by: StockMovementOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[StockMovementNode]:
        query = (filter or StockMovementFilter()).apply(operations_service.list_movements())
        query = apply_order(query, order_by, default=("moved_at", "created_at", "id"))
        return await paginate(query, StockMovementNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=OPERATIONS_READ, description="Suppliers (by name unless ordered).")
    async def suppliers(
        self,
        filter: SupplierFilter | None = None,
        order_by: SupplierOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[SupplierNode]:
        query = (filter or SupplierFilter()).apply(operations_service.list_suppliers())
        query = apply_order(query, order_by, default=("name", "id"))
        return await paginate(query, SupplierNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=OPERATIONS_READ, description="Purchase orders (newest first unless ordered).")
    async def purchase_orders(
        self,
        filter: PurchaseOrderFilter | None = None,
        order_by: PurchaseOrderOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[PurchaseOrderNode]:
        query = (filter or PurchaseOrderFilter()).apply(operations_service.list_purchase_orders())
        query = apply_order(query, order_by, default=("-ordered_on", "-created_at", "-id"))
        return await paginate(query, PurchaseOrderNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=OPERATIONS_READ, description="One purchase order by its global id, or null when there is none.")
    async def purchase_order(self, id: strawberry.ID) -> PurchaseOrderNode | None:
        order_id = decode_global_id(id, expected_type="PurchaseOrder")
        row = await operations_service.list_purchase_orders().filter(id=order_id).first()
        return PurchaseOrderNode.from_model(row) if row else None

    @strawberry.field(permission_classes=OPERATIONS_READ, description="Goods received against purchase orders (newest first unless ordered).")
    async def goods_receipts(
        self,
        filter: GoodsReceiptFilter | None = None,
        order_by: GoodsReceiptOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[GoodsReceiptNode]:
        query = (filter or GoodsReceiptFilter()).apply(operations_service.list_goods_receipts())
        query = apply_order(query, order_by, default=("-received_on", "-created_at", "-id"))
        return await paginate(query, GoodsReceiptNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=OPERATIONS_READ, description="Shipments (newest first unless ordered).")
    async def shipments(
        self,
        filter: ShipmentFilter | None = None,
        order_by: ShipmentOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ShipmentNode]:
        query = (filter or ShipmentFilter()).apply(operations_service.list_shipments())
        query = apply_order(query, order_by, default=("-created_at", "-id"))
        return await paginate(query, ShipmentNode.from_model, first=first, after=after, last=last, before=before)
