"""Operations read models."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from tortoise.expressions import Subquery

from domain.operations.catalog import list_products
from domain.operations.models import PurchaseOrderLine, StockLevel
from domain.operations.purchasing import OPEN_STATUSES
from domain.operations.stock import on_hand_by_product
from tenants.ownership import scoped


@dataclass(frozen=True)
class OpenPurchaseOrderLine:
    purchase_order_id: uuid.UUID
    number: str
    status: str
    expected_on: object
    quantity_outstanding: Decimal


@dataclass(frozen=True)
class ProductBelowReorderPoint:
    product_id: uuid.UUID
    sku: str
    name: str
    on_hand: Decimal
    reorder_point: Decimal
    reorder_quantity: Decimal
    preferred_supplier_id: uuid.UUID | None
    open_purchase_orders: tuple[OpenPurchaseOrderLine, ...]

    @property
    def quantity_on_order(self) -> Decimal:
        return sum((line.quantity_outstanding for line in self.open_purchase_orders), Decimal(0))

    @property
    def shortfall(self) -> Decimal:
        """How far stock is below the reorder point."""
        return self.reorder_point - self.on_hand


async def products_below_reorder_point(
    *, warehouse_id: uuid.UUID | None = None, supplier_id: uuid.UUID | None = None
) -> list[ProductBelowReorderPoint]:
    """Active products whose stock over all warehouses is below their reorder point, with the
    open purchase order lines already bringing more (three queries whatever the catalogue size, four with
    `warehouse_id`); optionally only products `warehouse_id` keeps stock of (the total stays over all
    warehouses: the reorder point is the product's, not a warehouse's) or whose preferred supplier is `supplier_id`."""
    products_query = list_products().filter(reorder_point__gt=0)
    if supplier_id is not None:
        products_query = products_query.filter(preferred_supplier_id=supplier_id)
    if warehouse_id is not None:
        products_query = products_query.filter(id__in=Subquery(scoped(StockLevel).filter(warehouse_id=warehouse_id).values("product_id")))
    products = await products_query
    on_hand = await on_hand_by_product(product_ids=[product.id for product in products])
    low = [product for product in products if on_hand[product.id] < product.reorder_point]
    open_lines = (
        await scoped(PurchaseOrderLine)
        .filter(product_id__in=[product.id for product in low], purchase_order__status__in=OPEN_STATUSES)
        .select_related("purchase_order")
        .order_by("purchase_order__ordered_on", "position")
    )
    by_product: dict[uuid.UUID, list[OpenPurchaseOrderLine]] = {}
    for line in open_lines:
        order = line.purchase_order
        by_product.setdefault(line.product_id, []).append(
            OpenPurchaseOrderLine(
                purchase_order_id=order.id,
                number=order.number,
                status=str(order.status),
                expected_on=order.expected_on,
                quantity_outstanding=line.quantity - line.quantity_received,
            )
        )
    return [
        ProductBelowReorderPoint(
            product_id=product.id,
            sku=product.sku,
            name=product.name,
            on_hand=on_hand[product.id],
            reorder_point=product.reorder_point,
            reorder_quantity=product.reorder_quantity,
            preferred_supplier_id=product.preferred_supplier_id,
            open_purchase_orders=tuple(by_product.get(product.id, ())),
        )
        for product in low
    ]
