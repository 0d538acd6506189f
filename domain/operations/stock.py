"""Stock levels: changed only through movements, never below zero, and watched for the reorder point."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from tortoise.exceptions import IntegrityError
from tortoise.functions import Sum
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.aggregates import decimal_total
from domain.errors import DomainError
from domain.operations import events
from domain.operations.catalog import get_product_or_raise, get_warehouse_or_raise
from domain.operations.errors import OperationsErrorCode
from domain.operations.models import MovementKind, Product, StockLevel, StockMovement, Warehouse
from domain.outbox import record_event
from domain.validation import optional_text, stored_decimal
from tenants.ownership import create_owned, scoped


async def _locked_level(product: Product, warehouse: Warehouse) -> StockLevel:
    level = await scoped(StockLevel).select_for_update().get_or_none(product_id=product.id, warehouse_id=warehouse.id)
    if level is not None:
        return level
    try:
        async with in_transaction():
            return await create_owned(StockLevel, product=product, warehouse=warehouse, quantity=Decimal(0))
    except IntegrityError:  # created concurrently: lock the winner's row
        return await scoped(StockLevel).select_for_update().get(product_id=product.id, warehouse_id=warehouse.id)


async def on_hand(*, product_id: uuid.UUID) -> Decimal:
    """A product's stock summed over every warehouse."""
    quantities = await scoped(StockLevel).filter(product_id=product_id).values_list("quantity", flat=True)
    return sum(quantities, Decimal(0))


async def on_hand_by_product(*, product_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Decimal]:
    """Stock summed over every warehouse for each of these products (0 when none), in one query."""
    rows = (
        await scoped(StockLevel)
        .filter(product_id__in=list(product_ids))
        .annotate(total=Sum("quantity"))
        .group_by("product_id")
        .values("product_id", "total")
    )
    totals = {uuid.UUID(str(row["product_id"])): decimal_total(row["total"]) for row in rows}
    return {product_id: totals.get(product_id, decimal_total(None)) for product_id in product_ids}


async def move_stock(
    *,
    product: Product,
    warehouse: Warehouse,
    quantity_change: Decimal,
    kind: MovementKind,
    reference: str | None = None,
    reason: str | None = None,
    moved_by: str | None = None,
    at: datetime | None = None,
    field: str = "quantity_change",
) -> StockMovement:
    """Apply one signed change to a stock level and record it; refuses to go below zero.

    For this area's own services: `product` and `warehouse` are already resolved in the tenant.
    """
    if quantity_change == 0:
        raise DomainError(OperationsErrorCode.ZERO_CHANGE, "a stock movement must change the quantity", field=field)
    async with in_transaction():
        # Locking the product serialises its movements, so the reorder-point crossing is seen once.
        product = await scoped(Product).select_for_update().get(id=product.id)
        level = await _locked_level(product, warehouse)
        before_total = await on_hand(product_id=product.id)
        after = level.quantity + quantity_change
        if after < 0:
            raise DomainError(
                OperationsErrorCode.INSUFFICIENT_STOCK,
                f"{warehouse.code} holds {level.quantity} {product.unit} of {product.sku}, {-quantity_change} requested",
                field=field,
            )
        level.quantity = after
        await level.save(update_fields=["quantity", "updated_at"])
        movement = await create_owned(
            StockMovement,
            product=product,
            warehouse=warehouse,
            kind=kind,
            quantity_change=quantity_change,
            quantity_after=after,
            reference=reference,
            reason=reason,
            moved_at=at or clock.now(),
            moved_by=moved_by,
        )
        after_total = before_total + quantity_change
        if before_total >= product.reorder_point > after_total:
            await record_event(
                event_type=events.STOCK_LOW,
                payload=events.stock_low(product, movement, on_hand=after_total),
                idempotency_key=f"{events.STOCK_LOW}:{movement.id}",
            )
    return movement


async def adjust_stock(
    *,
    product_id: uuid.UUID,
    warehouse_id: uuid.UUID,
    quantity_change: Decimal,
    reason: str,
    moved_by: str | None = None,
    at: datetime | None = None,
) -> StockMovement:
    """Correct a stock level by a signed amount (a count, damage, a found pallet), with a reason."""
    product = await get_product_or_raise(product_id=product_id)
    warehouse = await get_warehouse_or_raise(warehouse_id=warehouse_id)
    return await move_stock(
        product=product,
        warehouse=warehouse,
        quantity_change=stored_decimal(quantity_change, field="quantity_change"),
        kind=MovementKind.ADJUSTMENT,
        reason=optional_text(reason, field="reason", max_length=200),
        moved_by=moved_by,
        at=at,
    )


async def transfer_stock(
    *,
    product_id: uuid.UUID,
    from_warehouse_id: uuid.UUID,
    to_warehouse_id: uuid.UUID,
    quantity: Decimal,
    moved_by: str | None = None,
) -> tuple[StockMovement, StockMovement]:
    """Move stock between two warehouses: two movements, all or nothing."""
    if from_warehouse_id == to_warehouse_id:
        raise DomainError(OperationsErrorCode.SAME_WAREHOUSE, "source and destination are the same", field="to_warehouse_id")
    product = await get_product_or_raise(product_id=product_id)
    source = await get_warehouse_or_raise(warehouse_id=from_warehouse_id, field="from_warehouse_id")
    destination = await get_warehouse_or_raise(warehouse_id=to_warehouse_id, field="to_warehouse_id")
    quantity = stored_decimal(quantity, field="quantity")
    if quantity <= 0:
        raise DomainError(OperationsErrorCode.ZERO_CHANGE, "quantity must be greater than zero", field="quantity")
    reference = f"transfer:{uuid.uuid4()}"
    async with in_transaction():
        out = await move_stock(
            product=product, warehouse=source, quantity_change=-quantity, kind=MovementKind.TRANSFER,
            reference=reference, moved_by=moved_by, field="quantity",
        )
        into = await move_stock(
            product=product, warehouse=destination, quantity_change=quantity, kind=MovementKind.TRANSFER,
            reference=reference, moved_by=moved_by, field="quantity",
        )
    return out, into


async def stock_level(*, product_id: uuid.UUID, warehouse_id: uuid.UUID) -> Decimal:
    """How much of a product one warehouse holds (0 when it never held any)."""
    level = await scoped(StockLevel).get_or_none(product_id=product_id, warehouse_id=warehouse_id)
    return level.quantity if level else Decimal(0)


def list_stock_levels(*, product_id: uuid.UUID | None = None, warehouse_id: uuid.UUID | None = None) -> QuerySet[StockLevel]:
    """Stock levels, optionally of one product or warehouse."""
    query = scoped(StockLevel)
    if product_id is not None:
        query = query.filter(product_id=product_id)
    if warehouse_id is not None:
        query = query.filter(warehouse_id=warehouse_id)
    return query.order_by("product_id", "warehouse_id")


def list_movements(*, product_id: uuid.UUID | None = None, warehouse_id: uuid.UUID | None = None) -> QuerySet[StockMovement]:
    """Stock movements, oldest first, optionally of one product or warehouse."""
    query = scoped(StockMovement)
    if product_id is not None:
        query = query.filter(product_id=product_id)
    if warehouse_id is not None:
        query = query.filter(warehouse_id=warehouse_id)
    return query.order_by("moved_at", "created_at")
