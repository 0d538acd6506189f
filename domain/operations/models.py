"""Operations: what the tenant stocks, where, from whom it buys, and what it ships."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from tenants.ownership import TenantOwnedModel


class MovementKind(StrEnum):
    RECEIPT = "receipt"
    SHIPMENT = "shipment"
    ADJUSTMENT = "adjustment"
    TRANSFER = "transfer"


class PurchaseOrderStatus(StrEnum):
    ORDERED = "ordered"
    PARTIALLY_RECEIVED = "partially_received"
    RECEIVED = "received"
    CANCELLED = "cancelled"


class ShipmentStatus(StrEnum):
    PENDING = "pending"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


def quantity_field(**kwargs: object) -> fields.DecimalField:
    """Stock quantities: Decimal (pieces, kilograms, metres), never negative where stock is counted."""
    return fields.DecimalField(max_digits=18, decimal_places=4, **kwargs)


class Supplier(TenantOwnedModel):
    """A company the tenant buys from."""

    name = fields.CharField(max_length=200)
    email = fields.CharField(max_length=254, null=True)

    class Meta:
        table = "operations_suppliers"
        unique_together = (("tenant_id", "name"),)


class Product(TenantOwnedModel):
    """Something the tenant stocks and sells, reordered when stock falls below its reorder point."""

    sku = fields.CharField(max_length=64)
    name = fields.CharField(max_length=200)
    unit = fields.CharField(max_length=16, default="pcs")
    reorder_point = quantity_field(default=0)
    reorder_quantity = quantity_field(default=0)
    preferred_supplier: fields.ForeignKeyNullableRelation[Supplier] = fields.ForeignKeyField(
        "concord.Supplier", related_name="preferred_for", null=True, on_delete=fields.SET_NULL
    )
    preferred_supplier_id: object
    active = fields.BooleanField(default=True)

    class Meta:
        table = "operations_products"
        unique_together = (("tenant_id", "sku"),)
        indexes = (("tenant_id", "name"),)


class Warehouse(TenantOwnedModel):
    """A place where stock is kept."""

    code = fields.CharField(max_length=20)
    name = fields.CharField(max_length=200)

    class Meta:
        table = "operations_warehouses"
        unique_together = (("tenant_id", "code"),)


class StockLevel(TenantOwnedModel):
    """How much of a product a warehouse holds, changed only together with a StockMovement."""

    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "concord.Product", related_name="stock_levels", on_delete=fields.NO_ACTION
    )
    product_id: object
    warehouse: fields.ForeignKeyRelation[Warehouse] = fields.ForeignKeyField(
        "concord.Warehouse", related_name="stock_levels", on_delete=fields.NO_ACTION
    )
    warehouse_id: object
    quantity = quantity_field(default=0)

    class Meta:
        table = "operations_stock_levels"
        unique_together = (("tenant_id", "product_id", "warehouse_id"),)
        indexes = (("tenant_id", "warehouse_id"),)


class StockMovement(TenantOwnedModel):
    """One change of a stock level (signed), with the level it left behind. Never edited."""

    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "concord.Product", related_name="movements", on_delete=fields.NO_ACTION
    )
    product_id: object
    warehouse: fields.ForeignKeyRelation[Warehouse] = fields.ForeignKeyField(
        "concord.Warehouse", related_name="movements", on_delete=fields.NO_ACTION
    )
    warehouse_id: object
    kind = fields.CharEnumField(MovementKind, max_length=16)
    quantity_change = quantity_field()
    quantity_after = quantity_field()
    reference = fields.CharField(max_length=120, null=True)
    reason = fields.CharField(max_length=200, null=True)
    moved_at = fields.DatetimeField()
    moved_by = fields.CharField(max_length=80, null=True)

    class Meta:
        table = "operations_stock_movements"
        indexes = (("tenant_id", "product_id", "moved_at"), ("tenant_id", "warehouse_id", "moved_at"))


class PurchaseOrder(TenantOwnedModel):
    """An order placed with a supplier, received into one warehouse."""

    number = fields.CharField(max_length=32)
    supplier: fields.ForeignKeyRelation[Supplier] = fields.ForeignKeyField(
        "concord.Supplier", related_name="purchase_orders", on_delete=fields.NO_ACTION
    )
    supplier_id: object
    warehouse: fields.ForeignKeyRelation[Warehouse] = fields.ForeignKeyField(
        "concord.Warehouse", related_name="purchase_orders", on_delete=fields.NO_ACTION
    )
    warehouse_id: object
    currency = fields.CharField(max_length=3)
    total = fields.DecimalField(max_digits=18, decimal_places=4, default=0)
    status = fields.CharEnumField(PurchaseOrderStatus, max_length=24, default=PurchaseOrderStatus.ORDERED)
    ordered_on = fields.DateField()
    expected_on = fields.DateField(null=True)

    class Meta:
        table = "operations_purchase_orders"
        unique_together = (("tenant_id", "number"),)
        indexes = (("tenant_id", "supplier_id", "status"), ("tenant_id", "status", "ordered_on"))


class PurchaseOrderLine(TenantOwnedModel):
    """A product, quantity and price on a purchase order, and how much of it has arrived."""

    purchase_order: fields.ForeignKeyRelation[PurchaseOrder] = fields.ForeignKeyField(
        "concord.PurchaseOrder", related_name="lines", on_delete=fields.CASCADE
    )
    purchase_order_id: object
    position = fields.IntField()
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "concord.Product", related_name="purchase_order_lines", on_delete=fields.NO_ACTION
    )
    product_id: object
    quantity = quantity_field()
    quantity_received = quantity_field(default=0)
    unit_price = fields.DecimalField(max_digits=18, decimal_places=4)
    line_total = fields.DecimalField(max_digits=18, decimal_places=4)

    class Meta:
        table = "operations_purchase_order_lines"
        unique_together = (("tenant_id", "purchase_order_id", "position"),)
        indexes = (("tenant_id", "product_id"),)


class GoodsReceipt(TenantOwnedModel):
    """Goods that arrived against a purchase order."""

    number = fields.CharField(max_length=32)
    purchase_order: fields.ForeignKeyRelation[PurchaseOrder] = fields.ForeignKeyField(
        "concord.PurchaseOrder", related_name="receipts", on_delete=fields.NO_ACTION
    )
    purchase_order_id: object
    warehouse: fields.ForeignKeyRelation[Warehouse] = fields.ForeignKeyField(
        "concord.Warehouse", related_name="receipts", on_delete=fields.NO_ACTION
    )
    warehouse_id: object
    received_on = fields.DateField()
    received_by = fields.CharField(max_length=80, null=True)

    class Meta:
        table = "operations_goods_receipts"
        unique_together = (("tenant_id", "number"),)
        indexes = (("tenant_id", "purchase_order_id"),)


class GoodsReceiptLine(TenantOwnedModel):
    """How much of one purchase order line a receipt brought in."""

    receipt: fields.ForeignKeyRelation[GoodsReceipt] = fields.ForeignKeyField(
        "concord.GoodsReceipt", related_name="lines", on_delete=fields.CASCADE
    )
    receipt_id: object
    purchase_order_line: fields.ForeignKeyRelation[PurchaseOrderLine] = fields.ForeignKeyField(
        "concord.PurchaseOrderLine", related_name="receipt_lines", on_delete=fields.NO_ACTION
    )
    purchase_order_line_id: object
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "concord.Product", related_name="receipt_lines", on_delete=fields.NO_ACTION
    )
    product_id: object
    quantity = quantity_field()

    class Meta:
        table = "operations_goods_receipt_lines"
        indexes = (("tenant_id", "receipt_id"),)


class Shipment(TenantOwnedModel):
    """Goods leaving a warehouse for a customer, usually for a sales order."""

    number = fields.CharField(max_length=32)
    warehouse: fields.ForeignKeyRelation[Warehouse] = fields.ForeignKeyField(
        "concord.Warehouse", related_name="shipments", on_delete=fields.NO_ACTION
    )
    warehouse_id: object
    customer: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Customer", related_name="shipments", null=True, on_delete=fields.NO_ACTION
    )
    customer_id: object
    sales_order: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.SalesOrder", related_name="shipments", null=True, on_delete=fields.NO_ACTION
    )
    sales_order_id: object
    status = fields.CharEnumField(ShipmentStatus, max_length=16, default=ShipmentStatus.PENDING)
    carrier = fields.CharField(max_length=80, null=True)
    tracking_number = fields.CharField(max_length=80, null=True)
    shipped_at = fields.DatetimeField(null=True)
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "operations_shipments"
        unique_together = (("tenant_id", "number"),)
        indexes = (("tenant_id", "status"), ("tenant_id", "customer_id"), ("tenant_id", "sales_order_id"))


class ShipmentLine(TenantOwnedModel):
    """A product and quantity in a shipment."""

    shipment: fields.ForeignKeyRelation[Shipment] = fields.ForeignKeyField(
        "concord.Shipment", related_name="lines", on_delete=fields.CASCADE
    )
    shipment_id: object
    position = fields.IntField()
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "concord.Product", related_name="shipment_lines", on_delete=fields.NO_ACTION
    )
    product_id: object
    quantity = quantity_field()

    class Meta:
        table = "operations_shipment_lines"
        unique_together = (("tenant_id", "shipment_id", "position"),)
