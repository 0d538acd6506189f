"""Where an order's goods come from: the warehouse to reserve them in, and purchase orders to the
preferred suppliers for what that warehouse cannot cover.

A pending shipment holds its goods: they are spoken for until it ships or is cancelled, so what a
warehouse can still promise is its stock less its pending shipments.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from domain.errors import DomainError
from domain.operations.catalog import get_products
from domain.operations.errors import OperationsErrorCode
from domain.operations.models import PurchaseOrder, PurchaseOrderLine, ShipmentLine, ShipmentStatus, StockLevel, Warehouse
from domain.operations.purchasing import OPEN_STATUSES, PurchaseOrderLineInput, create_purchase_order
from tenants.ownership import scoped

ZERO = Decimal(0)


@dataclass(frozen=True)
class Replenishment:
    purchase_orders: list[PurchaseOrder]
    shortfall: dict[uuid.UUID, Decimal]  # per product, what the warehouse lacks for its pending shipments
    unsourced: list[uuid.UUID]  # short products without a preferred supplier: a person must buy them


async def _stock(warehouse_ids: list[uuid.UUID] | None, product_ids: list[uuid.UUID]) -> dict[tuple[uuid.UUID, uuid.UUID], Decimal]:
    query = scoped(StockLevel).filter(product_id__in=product_ids)
    if warehouse_ids is not None:
        query = query.filter(warehouse_id__in=warehouse_ids)
    return {(row.warehouse_id, row.product_id): row.quantity for row in await query}


async def choose_warehouse(*, needs: Mapping[uuid.UUID, Decimal]) -> Warehouse:
    """The warehouse that can cover most of `needs` (product → quantity) from stock; ties by code."""
    warehouses = await scoped(Warehouse).order_by("code")
    if not warehouses:
        raise DomainError(OperationsErrorCode.NOT_FOUND, "there is no warehouse to reserve stock in", field="warehouse_id")
    stock = await _stock(None, list(needs))

    def coverage(warehouse: Warehouse) -> Decimal:
        return sum((min(stock.get((warehouse.id, product_id), ZERO), quantity) for product_id, quantity in needs.items()), ZERO)

    return max(warehouses, key=lambda warehouse: (coverage(warehouse), -warehouses.index(warehouse)))


async def _pending_demand(warehouse_id: uuid.UUID, product_ids: list[uuid.UUID]) -> dict[uuid.UUID, Decimal]:
    lines = await scoped(ShipmentLine).filter(
        product_id__in=product_ids, shipment__warehouse_id=warehouse_id, shipment__status=ShipmentStatus.PENDING
    )
    demand: dict[uuid.UUID, Decimal] = {}
    for line in lines:
        demand[line.product_id] = demand.get(line.product_id, ZERO) + line.quantity
    return demand


async def _on_order(warehouse_id: uuid.UUID, product_ids: list[uuid.UUID]) -> dict[uuid.UUID, Decimal]:
    lines = await scoped(PurchaseOrderLine).filter(
        product_id__in=product_ids, purchase_order__warehouse_id=warehouse_id, purchase_order__status__in=OPEN_STATUSES
    )
    coming: dict[uuid.UUID, Decimal] = {}
    for line in lines:
        coming[line.product_id] = coming.get(line.product_id, ZERO) + line.quantity - line.quantity_received
    return coming


async def _last_price(product_id: uuid.UUID, supplier_id: uuid.UUID) -> Decimal:
    """What the tenant last paid this supplier for the product (0 when never: purchasing confirms it)."""
    line = (
        await scoped(PurchaseOrderLine)
        .filter(product_id=product_id, purchase_order__supplier_id=supplier_id)
        .order_by("-created_at")
        .first()
    )
    return line.unit_price if line else ZERO


async def replenish_shortfall(*, warehouse_id: uuid.UUID, product_ids: list[uuid.UUID], currency: str) -> Replenishment:
    """Order from each product's preferred supplier what `warehouse_id` lacks for its pending shipments,
    net of what open purchase orders already bring (at least the product's reorder quantity)."""
    stock = await _stock([warehouse_id], product_ids)
    demand = await _pending_demand(warehouse_id, product_ids)
    coming = await _on_order(warehouse_id, product_ids)
    products = {product.id: product for product in await get_products(product_ids=product_ids)}
    shortfall: dict[uuid.UUID, Decimal] = {}
    for product_id in product_ids:
        lacking = demand.get(product_id, ZERO) - stock.get((warehouse_id, product_id), ZERO) - coming.get(product_id, ZERO)
        if lacking > 0:
            shortfall[product_id] = lacking
    by_supplier: dict[uuid.UUID, list[PurchaseOrderLineInput]] = {}
    unsourced = []
    for product_id, lacking in shortfall.items():
        product = products[product_id]
        if product.preferred_supplier_id is None:
            unsourced.append(product_id)
            continue
        quantity = max(lacking, product.reorder_quantity)
        price = await _last_price(product_id, product.preferred_supplier_id)
        by_supplier.setdefault(product.preferred_supplier_id, []).append(
            PurchaseOrderLineInput(product_id=product_id, quantity=quantity, unit_price=price)
        )
    orders = [
        await create_purchase_order(supplier_id=supplier_id, warehouse_id=warehouse_id, currency=currency, lines=lines)
        for supplier_id, lines in by_supplier.items()
    ]
    return Replenishment(purchase_orders=orders, shortfall=shortfall, unsourced=unsourced)
