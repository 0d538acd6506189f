"""Operations filter and order inputs."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

import strawberry
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from api.node_ids import decode_global_id
from api.operations.enums import MovementKind, PurchaseOrderStatus, ShipmentStatus
from api.ordering import OrderDirection
from domain.operations.purchasing import OPEN_STATUSES


@strawberry.input(description="Narrow the products; every given field must match.")
class ProductFilter:
    search: str | None = strawberry.field(default=None, description="Part of the SKU or the name.")
    active: bool | None = None
    preferred_supplier_id: strawberry.ID | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.search:
            query = query.filter(Q(sku__icontains=self.search) | Q(name__icontains=self.search))
        if self.active is not None:
            query = query.filter(active=self.active)
        if self.preferred_supplier_id:
            query = query.filter(preferred_supplier_id=decode_global_id(self.preferred_supplier_id, expected_type="Supplier"))
        return query


@strawberry.enum
class ProductOrderField(Enum):
    SKU = "sku"
    NAME = "name"
    CREATED_AT = "created_at"


@strawberry.input
class ProductOrder:
    field: ProductOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the warehouses; every given field must match.")
class WarehouseFilter:
    search: str | None = strawberry.field(default=None, description="Part of the code or the name.")

    def apply(self, query: QuerySet) -> QuerySet:
        if self.search:
            query = query.filter(Q(code__icontains=self.search) | Q(name__icontains=self.search))
        return query


@strawberry.enum
class WarehouseOrderField(Enum):
    CODE = "code"
    NAME = "name"


@strawberry.input
class WarehouseOrder:
    field: WarehouseOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the stock levels; every given field must match.")
class StockLevelFilter:
    product_id: strawberry.ID | None = None
    warehouse_id: strawberry.ID | None = None
    in_stock: bool | None = strawberry.field(default=None, description="true: above zero; false: at zero.")

    def apply(self, query: QuerySet) -> QuerySet:
        if self.product_id:
            query = query.filter(product_id=decode_global_id(self.product_id, expected_type="Product"))
        if self.warehouse_id:
            query = query.filter(warehouse_id=decode_global_id(self.warehouse_id, expected_type="Warehouse"))
        if self.in_stock is not None:
            query = query.filter(quantity__gt=0) if self.in_stock else query.filter(quantity=0)
        return query


@strawberry.enum
class StockLevelOrderField(Enum):
    QUANTITY = "quantity"
    UPDATED_AT = "updated_at"


@strawberry.input
class StockLevelOrder:
    field: StockLevelOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the stock movements; every given field must match.")
class StockMovementFilter:
    product_id: strawberry.ID | None = None
    warehouse_id: strawberry.ID | None = None
    kind: MovementKind | None = None
    moved_after: datetime | None = None
    moved_before: datetime | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.product_id:
            query = query.filter(product_id=decode_global_id(self.product_id, expected_type="Product"))
        if self.warehouse_id:
            query = query.filter(warehouse_id=decode_global_id(self.warehouse_id, expected_type="Warehouse"))
        if self.kind:
            query = query.filter(kind=self.kind)
        if self.moved_after:
            query = query.filter(moved_at__gte=self.moved_after)
        if self.moved_before:
            query = query.filter(moved_at__lt=self.moved_before)
        return query


@strawberry.enum
class StockMovementOrderField(Enum):
    MOVED_AT = "moved_at"


@strawberry.input
class StockMovementOrder:
    field: StockMovementOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the suppliers; every given field must match.")
class SupplierFilter:
    name_contains: str | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.name_contains:
            query = query.filter(name__icontains=self.name_contains)
        return query


@strawberry.enum
class SupplierOrderField(Enum):
    NAME = "name"
    CREATED_AT = "created_at"


@strawberry.input
class SupplierOrder:
    field: SupplierOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the purchase orders; every given field must match.")
class PurchaseOrderFilter:
    supplier_id: strawberry.ID | None = None
    status: PurchaseOrderStatus | None = None
    open: bool | None = strawberry.field(default=None, description="true: still expecting goods (ordered or partially received).")
    ordered_after: date | None = None
    ordered_before: date | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.supplier_id:
            query = query.filter(supplier_id=decode_global_id(self.supplier_id, expected_type="Supplier"))
        if self.status:
            query = query.filter(status=self.status)
        if self.open is not None:
            statuses = {"status__in": OPEN_STATUSES}
            query = query.filter(**statuses) if self.open else query.exclude(**statuses)
        if self.ordered_after:
            query = query.filter(ordered_on__gte=self.ordered_after)
        if self.ordered_before:
            query = query.filter(ordered_on__lt=self.ordered_before)
        return query


@strawberry.enum
class PurchaseOrderOrderField(Enum):
    ORDERED_ON = "ordered_on"
    EXPECTED_ON = "expected_on"
    NUMBER = "number"


@strawberry.input
class PurchaseOrderOrder:
    field: PurchaseOrderOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the goods receipts; every given field must match.")
class GoodsReceiptFilter:
    purchase_order_id: strawberry.ID | None = None
    received_after: date | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.purchase_order_id:
            query = query.filter(purchase_order_id=decode_global_id(self.purchase_order_id, expected_type="PurchaseOrder"))
        if self.received_after:
            query = query.filter(received_on__gte=self.received_after)
        return query


@strawberry.enum
class GoodsReceiptOrderField(Enum):
    RECEIVED_ON = "received_on"
    NUMBER = "number"


@strawberry.input
class GoodsReceiptOrder:
    field: GoodsReceiptOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the shipments; every given field must match.")
class ShipmentFilter:
    status: ShipmentStatus | None = None
    customer_id: strawberry.ID | None = None
    warehouse_id: strawberry.ID | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.status:
            query = query.filter(status=self.status)
        if self.customer_id:
            query = query.filter(customer_id=decode_global_id(self.customer_id, expected_type="Customer"))
        if self.warehouse_id:
            query = query.filter(warehouse_id=decode_global_id(self.warehouse_id, expected_type="Warehouse"))
        return query


@strawberry.enum
class ShipmentOrderField(Enum):
    CREATED_AT = "created_at"
    NUMBER = "number"
    SHIPPED_AT = "shipped_at"


@strawberry.input
class ShipmentOrder:
    field: ShipmentOrderField
    direction: OrderDirection = OrderDirection.ASC
