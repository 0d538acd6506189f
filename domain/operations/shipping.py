"""Shipments: stock leaves a warehouse when a shipment ships, all lines or none."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from tortoise.models import Model
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.crm import service as crm_service
from domain.errors import DomainError
from domain.operations import events
from domain.operations.catalog import get_product_or_raise, get_warehouse_or_raise
from domain.operations.errors import OperationsErrorCode
from domain.operations.models import MovementKind, Shipment, ShipmentLine, ShipmentStatus
from domain.operations.stock import move_stock
from domain.outbox import record_event
from domain.sequences.service import next_number
from domain.validation import optional_text, positive_decimal
from tenants.ownership import create_owned, scoped


@dataclass(frozen=True)
class ShipmentLineInput:
    product_id: uuid.UUID
    quantity: Decimal


def list_shipments(*, customer_id: uuid.UUID | None = None, sales_order_id: uuid.UUID | None = None) -> QuerySet[Shipment]:
    """Shipments, newest first, optionally of one customer or sales order."""
    query = scoped(Shipment)
    if customer_id is not None:
        query = query.filter(customer_id=customer_id)
    if sales_order_id is not None:
        query = query.filter(sales_order_id=sales_order_id)
    return query.order_by("-created_at")


async def get_shipment_or_raise(*, shipment_id: uuid.UUID) -> Shipment:
    """The shipment with this id, or NOT_FOUND."""
    shipment = await scoped(Shipment).get_or_none(id=shipment_id)
    if shipment is None:
        raise DomainError(OperationsErrorCode.NOT_FOUND, "shipment not found", field="shipment_id")
    return shipment


def shipment_lines(*, shipment_id: uuid.UUID) -> QuerySet[ShipmentLine]:
    """A shipment's lines in order."""
    return scoped(ShipmentLine).filter(shipment_id=shipment_id).order_by("position")


async def create_shipment(
    *,
    warehouse_id: uuid.UUID,
    lines: Sequence[ShipmentLineInput],
    customer_id: uuid.UUID | None = None,
    sales_order: Model | None = None,
) -> Shipment:
    """Prepare a pending shipment from a warehouse; stock moves only when it ships.

    `sales_order` is an order the sales area has already resolved in the current tenant.
    """
    warehouse = await get_warehouse_or_raise(warehouse_id=warehouse_id)
    customer = await crm_service.get_customer_or_raise(customer_id=customer_id) if customer_id else None
    if not lines:
        raise DomainError(OperationsErrorCode.LINES_REQUIRED, "a shipment needs at least one line", field="lines")
    resolved = []
    for index, line in enumerate(lines):
        product = await get_product_or_raise(product_id=line.product_id, field=f"lines.{index}.product_id")
        resolved.append((product, positive_decimal(line.quantity, field=f"lines.{index}.quantity")))
    async with in_transaction():
        shipment = await create_owned(
            Shipment,
            number=await next_number(model=Shipment, prefix="SH-"),
            warehouse=warehouse,
            customer=customer,
            sales_order=sales_order,
        )
        for position, (product, quantity) in enumerate(resolved, start=1):
            await create_owned(ShipmentLine, shipment=shipment, position=position, product=product, quantity=quantity)
    return shipment


async def ship_shipment(
    *,
    shipment_id: uuid.UUID,
    carrier: str | None = None,
    tracking_number: str | None = None,
    shipped_by: str | None = None,
    at: datetime | None = None,
) -> Shipment:
    """Take a pending shipment's goods out of stock and mark it shipped; refused whole if any line lacks stock."""
    async with in_transaction():
        shipment = await scoped(Shipment).select_for_update().get_or_none(id=shipment_id)
        if shipment is None:
            raise DomainError(OperationsErrorCode.NOT_FOUND, "shipment not found", field="shipment_id")
        if shipment.status is not ShipmentStatus.PENDING:
            raise DomainError(OperationsErrorCode.SHIPMENT_NOT_PENDING, f"the shipment is {shipment.status}", field="shipment_id")
        warehouse = await shipment.warehouse
        lines = await shipment_lines(shipment_id=shipment.id).prefetch_related("product")
        # Lock products in one global order so two shipments never wait on each other crosswise.
        for line in sorted(lines, key=lambda line: str(line.product_id)):
            await move_stock(
                product=line.product,
                warehouse=warehouse,
                quantity_change=-line.quantity,
                kind=MovementKind.SHIPMENT,
                reference=f"shipment:{shipment.number}",
                moved_by=shipped_by,
                at=at,
                field=f"lines.{line.position - 1}.quantity",
            )
        shipment.status = ShipmentStatus.SHIPPED
        shipment.carrier = optional_text(carrier, field="carrier", max_length=80)
        shipment.tracking_number = optional_text(tracking_number, field="tracking_number", max_length=80)
        shipment.shipped_at = at or clock.now()
        await shipment.save()
        await record_event(
            event_type=events.SHIPMENT_SHIPPED,
            payload=events.shipment_shipped(shipment),
            idempotency_key=f"{events.SHIPMENT_SHIPPED}:{shipment.id}",
        )
    return shipment


async def mark_shipment_delivered(*, shipment_id: uuid.UUID, at: datetime | None = None) -> Shipment:
    """Record that a shipped shipment arrived."""
    shipment = await get_shipment_or_raise(shipment_id=shipment_id)
    if shipment.status is not ShipmentStatus.SHIPPED:
        raise DomainError(OperationsErrorCode.SHIPMENT_NOT_SHIPPED, f"the shipment is {shipment.status}", field="shipment_id")
    shipment.status = ShipmentStatus.DELIVERED
    shipment.delivered_at = at or clock.now()
    await shipment.save(update_fields=["status", "delivered_at", "updated_at"])
    return shipment


async def cancel_shipment(*, shipment_id: uuid.UUID) -> Shipment:
    """Cancel a shipment that has not shipped."""
    shipment = await get_shipment_or_raise(shipment_id=shipment_id)
    if shipment.status is not ShipmentStatus.PENDING:
        raise DomainError(OperationsErrorCode.SHIPMENT_NOT_PENDING, f"the shipment is {shipment.status}", field="shipment_id")
    shipment.status = ShipmentStatus.CANCELLED
    await shipment.save(update_fields=["status", "updated_at"])
    return shipment
