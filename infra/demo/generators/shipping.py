"""Shipping a sales order from the first warehouse that holds all of it on the day, or leaving it waiting."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from domain.operations import service as operations_service
from domain.sales import service as sales_service
from infra.demo.generators.draws import chance
from infra.demo.generators.operations import OperationsIds
from infra.demo.generators.timeline import Timeline

CARRIERS = [("DHL Freight", "JD"), ("DB Schenker", "SCH"), ("DSV", "DSV"), ("Kuehne+Nagel", "KN"), ("UPS", "1Z")]
SHIPPED_BY = "warehouse@demo"
BACKORDER_DAYS = 21


async def ship_order(rng: random.Random, timeline: Timeline, order_id: uuid.UUID, ordered_on: date, operations: OperationsIds) -> date | None:
    """Ship an order a few days after it came in, from stock that had arrived by then (waiting up to three
    weeks for a restock); returns the day it shipped, or None while it waits or is too recent."""
    lines = [(line.product_id, line.quantity) for line in await sales_service.sales_order_lines(sales_order_id=order_id) if line.product_id]
    first_day = ordered_on + timedelta(days=rng.randint(1, 3))
    if not lines or first_day >= timeline.as_of:
        if lines and chance(rng, 0.5):
            await sales_service.ship_sales_order(sales_order_id=order_id, warehouse_id=operations.warehouse_ids[0])
        return None
    day = first_day
    while day < timeline.as_of and day <= first_day + timedelta(days=BACKORDER_DAYS):
        for warehouse_id in operations.warehouse_ids:
            if operations.stock.can_issue(warehouse_id=warehouse_id, on=day, lines=lines):
                await _ship(rng, timeline, order_id, warehouse_id, day)
                operations.stock.issue(warehouse_id=warehouse_id, lines=lines)
                return day
        day += timedelta(days=3)
    # Nothing holds it all yet: a pending shipment waits in the central warehouse for the next delivery.
    await sales_service.ship_sales_order(sales_order_id=order_id, warehouse_id=operations.warehouse_ids[0])
    return None


async def _ship(rng: random.Random, timeline: Timeline, order_id: uuid.UUID, warehouse_id: uuid.UUID, day: date) -> None:
    shipment = await sales_service.ship_sales_order(sales_order_id=order_id, warehouse_id=warehouse_id)
    carrier, prefix = rng.choice(CARRIERS)
    await operations_service.ship_shipment(
        shipment_id=shipment.id, carrier=carrier, tracking_number=f"{prefix}{rng.randint(10**9, 10**10 - 1)}", shipped_by=SHIPPED_BY,
        at=timeline.moment(rng, day, first_hour=9, last_hour=15),
    )
    delivered_on = day + timedelta(days=rng.randint(1, 4))
    if delivered_on < timeline.as_of:
        await operations_service.mark_shipment_delivered(shipment_id=shipment.id, at=timeline.moment(rng, delivered_on, first_hour=9, last_hour=17))
    await sales_service.mark_sales_order_fulfilled(sales_order_id=order_id)
