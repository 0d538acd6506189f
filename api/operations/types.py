"""Operations types in the graph: products and where they are stocked, every stock movement, suppliers,
purchase orders and what arrived against them, and shipments."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import strawberry
from strawberry import relay

from api.context import Info
from api.crm import loaders as crm_loaders
from api.crm.types import CustomerNode
from api.loaders import resolve_node_rows
from api.money import Money, exact_decimal
from api.operations import loaders
from api.operations.enums import MovementKind, PurchaseOrderStatus, ShipmentStatus
from api.operations.filters import PurchaseOrderFilter, PurchaseOrderOrder, StockLevelFilter, StockLevelOrder
from api.pagination import Connection, connection_from_list
from api.permissions import cross_area_field
from domain.operations import lookups as operations_lookups
from domain.operations import service as operations_service
from domain.operations.models import GoodsReceipt as GoodsReceiptModel
from domain.operations.models import GoodsReceiptLine as GoodsReceiptLineModel
from domain.operations.models import Product as ProductModel
from domain.operations.models import PurchaseOrder as PurchaseOrderModel
from domain.operations.models import PurchaseOrderLine as PurchaseOrderLineModel
from domain.operations.models import Shipment as ShipmentModel
from domain.operations.models import ShipmentLine as ShipmentLineModel
from domain.operations.models import StockLevel as StockLevelModel
from domain.operations.models import StockMovement as StockMovementModel
from domain.operations.models import Supplier as SupplierModel
from domain.operations.models import Warehouse as WarehouseModel
from tenants.permissions import Scope


def _uuid(value: Any) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value is not None else None


async def load_product(info: Info, product_id: uuid.UUID | None) -> ProductNode | None:
    if product_id is None:
        return None
    row = await loaders.product_by_id(info).load(product_id)
    return ProductNode.from_model(row) if row else None


async def load_warehouse(info: Info, warehouse_id: uuid.UUID | None) -> WarehouseNode | None:
    if warehouse_id is None:
        return None
    row = await loaders.warehouse_by_id(info).load(warehouse_id)
    return WarehouseNode.from_model(row) if row else None


async def load_supplier(info: Info, supplier_id: uuid.UUID | None) -> SupplierNode | None:
    """The supplier behind a foreign key, through the request's loader (for any area's nodes)."""
    if supplier_id is None:
        return None
    row = await loaders.supplier_by_id(info).load(supplier_id)
    return SupplierNode.from_model(row) if row else None


async def load_purchase_order(info: Info, purchase_order_id: uuid.UUID | None) -> PurchaseOrderNode | None:
    """The purchase order behind a foreign key, through the request's loader (for any area's nodes)."""
    if purchase_order_id is None:
        return None
    row = await loaders.purchase_order_by_id(info).load(purchase_order_id)
    return PurchaseOrderNode.from_model(row) if row else None


@strawberry.type(name="Supplier", description="A company the tenant buys from.")
class SupplierNode(relay.Node):
    read_scope = Scope.OPERATIONS_READ  # what `node(id:)` asks of the caller

    id: relay.NodeID[str]
    name: str
    email: str | None

    @classmethod
    def from_model(cls, row: SupplierModel) -> SupplierNode:
        return cls(id=str(row.id), name=row.name, email=row.email)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: operations_service.list_suppliers().filter(id__in=ids), node_ids)

    @strawberry.field(description="Orders placed with this supplier, newest first unless ordered.")
    async def purchase_orders(
        self,
        info: Info,
        filter: PurchaseOrderFilter | None = None,
        order_by: PurchaseOrderOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[PurchaseOrderNode]:
        rows = await loaders.purchase_orders_by_supplier(info, filter, order_by).load(uuid.UUID(self.id))
        return connection_from_list(rows, PurchaseOrderNode.from_model, first=first, after=after, last=last, before=before)


@strawberry.type(name="Product", description="Something the tenant stocks, reordered when stock falls below its reorder point.")
class ProductNode(relay.Node):
    read_scope = Scope.OPERATIONS_READ

    id: relay.NodeID[str]
    sku: str
    name: str
    unit: str
    reorder_point: Decimal
    reorder_quantity: Decimal
    active: bool
    preferred_supplier_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: ProductModel) -> ProductNode:
        return cls(
            id=str(row.id), sku=row.sku, name=row.name, unit=row.unit, reorder_point=exact_decimal(row.reorder_point),
            reorder_quantity=exact_decimal(row.reorder_quantity), active=row.active, preferred_supplier_id=_uuid(row.preferred_supplier_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: operations_service.get_products(product_ids=ids), node_ids)

    @strawberry.field(description="Stock summed over every warehouse.")
    async def on_hand(self, info: Info) -> Decimal:
        return exact_decimal(await loaders.on_hand_by_product(info).load(uuid.UUID(self.id)))

    @strawberry.field(description="The supplier reorders go to.")
    async def preferred_supplier(self, info: Info) -> SupplierNode | None:
        return await load_supplier(info, self.preferred_supplier_id)

    @strawberry.field(description="How much each warehouse holds of this product (in the stock list's order unless ordered).")
    async def stock_levels(
        self,
        info: Info,
        filter: StockLevelFilter | None = None,
        order_by: StockLevelOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[StockLevelNode]:
        rows = await loaders.stock_levels_by_product(info, filter, order_by).load(uuid.UUID(self.id))
        return connection_from_list(rows, StockLevelNode.from_model, first=first, after=after, last=last, before=before)


@strawberry.type(name="Warehouse", description="A place where stock is kept.")
class WarehouseNode(relay.Node):
    read_scope = Scope.OPERATIONS_READ

    id: relay.NodeID[str]
    code: str
    name: str

    @classmethod
    def from_model(cls, row: WarehouseModel) -> WarehouseNode:
        return cls(id=str(row.id), code=row.code, name=row.name)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: operations_service.list_warehouses().filter(id__in=ids), node_ids)

    @strawberry.field(description="What this warehouse holds, per product (in the stock list's order unless ordered).")
    async def stock_levels(
        self,
        info: Info,
        filter: StockLevelFilter | None = None,
        order_by: StockLevelOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[StockLevelNode]:
        rows = await loaders.stock_levels_by_warehouse(info, filter, order_by).load(uuid.UUID(self.id))
        return connection_from_list(rows, StockLevelNode.from_model, first=first, after=after, last=last, before=before)


@strawberry.type(name="StockLevel", description="How much of a product a warehouse holds; it changes only through stock movements.")
class StockLevelNode(relay.Node):
    read_scope = Scope.OPERATIONS_READ

    id: relay.NodeID[str]
    quantity: Decimal
    updated_at: datetime
    product_id: strawberry.Private[uuid.UUID]
    warehouse_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_model(cls, row: StockLevelModel) -> StockLevelNode:
        return cls(
            id=str(row.id), quantity=exact_decimal(row.quantity), updated_at=row.updated_at, product_id=_uuid(row.product_id),
            warehouse_id=_uuid(row.warehouse_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: operations_service.list_stock_levels().filter(id__in=ids), node_ids)

    @strawberry.field
    async def product(self, info: Info) -> ProductNode | None:
        return await load_product(info, self.product_id)

    @strawberry.field
    async def warehouse(self, info: Info) -> WarehouseNode | None:
        return await load_warehouse(info, self.warehouse_id)


@strawberry.type(name="StockMovement", description="One signed change of a stock level, with the level it left behind. Never edited.")
class StockMovementNode(relay.Node):
    read_scope = Scope.OPERATIONS_READ

    id: relay.NodeID[str]
    kind: MovementKind
    quantity_change: Decimal
    quantity_after: Decimal
    reference: str | None
    reason: str | None
    moved_at: datetime
    moved_by: str | None
    product_id: strawberry.Private[uuid.UUID]
    warehouse_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_model(cls, row: StockMovementModel) -> StockMovementNode:
        return cls(
            id=str(row.id), kind=row.kind, quantity_change=exact_decimal(row.quantity_change), quantity_after=exact_decimal(row.quantity_after),
            reference=row.reference, reason=row.reason, moved_at=row.moved_at, moved_by=row.moved_by,
            product_id=_uuid(row.product_id), warehouse_id=_uuid(row.warehouse_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: operations_service.list_movements().filter(id__in=ids), node_ids)

    @strawberry.field
    async def product(self, info: Info) -> ProductNode | None:
        return await load_product(info, self.product_id)

    @strawberry.field
    async def warehouse(self, info: Info) -> WarehouseNode | None:
        return await load_warehouse(info, self.warehouse_id)


@strawberry.type(name="PurchaseOrder", description="An order placed with a supplier, received into one warehouse.")
class PurchaseOrderNode(relay.Node):
    read_scope = Scope.OPERATIONS_READ

    id: relay.NodeID[str]
    number: str
    status: PurchaseOrderStatus
    total: Money
    ordered_on: date
    expected_on: date | None
    supplier_id: strawberry.Private[uuid.UUID]
    warehouse_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_model(cls, row: PurchaseOrderModel) -> PurchaseOrderNode:
        return cls(
            id=str(row.id), number=row.number, status=row.status, total=Money.of(row.total, row.currency), ordered_on=row.ordered_on,
            expected_on=row.expected_on, supplier_id=_uuid(row.supplier_id), warehouse_id=_uuid(row.warehouse_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: operations_service.list_purchase_orders().filter(id__in=ids), node_ids)

    @strawberry.field
    async def supplier(self, info: Info) -> SupplierNode | None:
        return await load_supplier(info, self.supplier_id)

    @strawberry.field(description="Where the goods are received.")
    async def warehouse(self, info: Info) -> WarehouseNode | None:
        return await load_warehouse(info, self.warehouse_id)

    @strawberry.field(description="The ordered products, in order.")
    async def lines(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[PurchaseOrderLineNode]:
        rows = await loaders.lines_by_purchase_order(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, PurchaseOrderLineNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(description="What arrived against this order, newest first.")
    async def receipts(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[GoodsReceiptNode]:
        rows = await loaders.receipts_by_purchase_order(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, GoodsReceiptNode.from_model, first=first, after=after, last=last, before=before)


@strawberry.type(name="PurchaseOrderLine", description="A product, quantity and price on a purchase order, and how much of it arrived.")
class PurchaseOrderLineNode(relay.Node):
    read_scope = Scope.OPERATIONS_READ

    id: relay.NodeID[str]
    position: int
    quantity: Decimal
    quantity_received: Decimal
    unit_price: Money
    line_total: Money
    product_id: strawberry.Private[uuid.UUID]
    purchase_order_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_model(cls, row: PurchaseOrderLineModel) -> PurchaseOrderLineNode:
        currency = row.purchase_order.currency  # the lookups load each line with its order
        return cls(
            id=str(row.id), position=row.position, quantity=exact_decimal(row.quantity), quantity_received=exact_decimal(row.quantity_received),
            unit_price=Money.of(row.unit_price, currency), line_total=Money.of(row.line_total, currency),
            product_id=_uuid(row.product_id), purchase_order_id=_uuid(row.purchase_order_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: operations_lookups.lines_of_purchase_orders().filter(id__in=ids), node_ids)

    @strawberry.field
    async def product(self, info: Info) -> ProductNode | None:
        return await load_product(info, self.product_id)

    @strawberry.field
    async def purchase_order(self, info: Info) -> PurchaseOrderNode | None:
        return await load_purchase_order(info, self.purchase_order_id)


@strawberry.type(name="GoodsReceipt", description="Goods that arrived against a purchase order.")
class GoodsReceiptNode(relay.Node):
    read_scope = Scope.OPERATIONS_READ

    id: relay.NodeID[str]
    number: str
    received_on: date
    received_by: str | None
    purchase_order_id: strawberry.Private[uuid.UUID]
    warehouse_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_model(cls, row: GoodsReceiptModel) -> GoodsReceiptNode:
        return cls(
            id=str(row.id), number=row.number, received_on=row.received_on, received_by=row.received_by,
            purchase_order_id=_uuid(row.purchase_order_id), warehouse_id=_uuid(row.warehouse_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: operations_service.list_goods_receipts().filter(id__in=ids), node_ids)

    @strawberry.field
    async def purchase_order(self, info: Info) -> PurchaseOrderNode | None:
        return await load_purchase_order(info, self.purchase_order_id)

    @strawberry.field
    async def warehouse(self, info: Info) -> WarehouseNode | None:
        return await load_warehouse(info, self.warehouse_id)

    @strawberry.field(description="How much of each order line arrived, in the order recorded.")
    async def lines(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[GoodsReceiptLineNode]:
        rows = await loaders.lines_by_goods_receipt(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, GoodsReceiptLineNode.from_model, first=first, after=after, last=last, before=before)


@strawberry.type(name="GoodsReceiptLine", description="How much of one purchase order line a receipt brought in.")
class GoodsReceiptLineNode(relay.Node):
    read_scope = Scope.OPERATIONS_READ

    id: relay.NodeID[str]
    quantity: Decimal
    product_id: strawberry.Private[uuid.UUID]
    purchase_order_line_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_model(cls, row: GoodsReceiptLineModel) -> GoodsReceiptLineNode:
        return cls(
            id=str(row.id), quantity=exact_decimal(row.quantity), product_id=_uuid(row.product_id),
            purchase_order_line_id=_uuid(row.purchase_order_line_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: operations_lookups.lines_of_goods_receipts().filter(id__in=ids), node_ids)

    @strawberry.field
    async def product(self, info: Info) -> ProductNode | None:
        return await load_product(info, self.product_id)

    @strawberry.field
    async def purchase_order_line(self, info: Info) -> PurchaseOrderLineNode | None:
        row = await loaders.purchase_order_line_by_id(info).load(self.purchase_order_line_id)
        return PurchaseOrderLineNode.from_model(row) if row else None


@strawberry.type(name="Shipment", description="Goods leaving a warehouse for a customer; stock moves when it ships.")
class ShipmentNode(relay.Node):
    read_scope = Scope.OPERATIONS_READ

    id: relay.NodeID[str]
    number: str
    status: ShipmentStatus
    carrier: str | None
    tracking_number: str | None
    shipped_at: datetime | None
    delivered_at: datetime | None
    created_at: datetime
    warehouse_id: strawberry.Private[uuid.UUID]
    customer_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: ShipmentModel) -> ShipmentNode:
        return cls(
            id=str(row.id), number=row.number, status=row.status, carrier=row.carrier, tracking_number=row.tracking_number,
            shipped_at=row.shipped_at, delivered_at=row.delivered_at, created_at=row.created_at,
            warehouse_id=_uuid(row.warehouse_id), customer_id=_uuid(row.customer_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: operations_service.list_shipments().filter(id__in=ids), node_ids)

    @strawberry.field(description="Where the goods leave from.")
    async def warehouse(self, info: Info) -> WarehouseNode | None:
        return await load_warehouse(info, self.warehouse_id)

    @cross_area_field(Scope.CRM_READ, "Who receives the goods.")
    async def customer(self, info: Info) -> CustomerNode | None:
        if self.customer_id is None:
            return None
        row = await crm_loaders.customer_by_id(info).load(self.customer_id)
        return CustomerNode.from_model(row) if row else None

    @strawberry.field(description="The products and quantities, in order.")
    async def lines(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[ShipmentLineNode]:
        rows = await loaders.lines_by_shipment(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, ShipmentLineNode.from_model, first=first, after=after, last=last, before=before)


@strawberry.type(name="ShipmentLine", description="A product and quantity in a shipment.")
class ShipmentLineNode(relay.Node):
    read_scope = Scope.OPERATIONS_READ

    id: relay.NodeID[str]
    position: int
    quantity: Decimal
    product_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_model(cls, row: ShipmentLineModel) -> ShipmentLineNode:
        return cls(id=str(row.id), position=row.position, quantity=exact_decimal(row.quantity), product_id=_uuid(row.product_id))

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: operations_lookups.lines_of_shipments().filter(id__in=ids), node_ids)

    @strawberry.field
    async def product(self, info: Info) -> ProductNode | None:
        return await load_product(info, self.product_id)
