"""Operations demo data: suppliers, products, warehouses with opening stock, a year of purchase orders
and the goods received against them, and monthly cycle counts. Goods leave only later, in the sales generator."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from domain.operations import service as operations_service
from infra.demo.generators.draws import chance, money, scaled
from infra.demo.generators.names import company_names, web_domain
from infra.demo.generators.stock_book import StockBook
from infra.demo.generators.timeline import Timeline, month_end

# (SKU prefix, product, unit, price range, typical quantity on a customer order, variants)
PRODUCT_LINES = [
    ("BRK", "Steel bracket", "pcs", (4, 18), (10, 60), ["40 mm", "60 mm", "90 mm", "heavy duty"]),
    ("PMP", "Hydraulic pump", "pcs", (380, 1450), (1, 3), ["HX-100", "HX-200", "HX-350"]),
    ("LED", "LED panel", "pcs", (45, 160), (4, 24), ["30x30", "60x60", "120x30"]),
    ("GLV", "Safety gloves", "box", (18, 42), (2, 12), ["size M", "size L", "cut-resistant"]),
    ("CBL", "Power cable", "m", (2, 9), (25, 200), ["3x1.5", "3x2.5", "5x4"]),
    ("WRP", "Pallet wrap", "roll", (9, 24), (6, 36), ["17 micron", "23 micron"]),
    ("BLT", "Conveyor belt", "m", (60, 220), (2, 12), ["PVC", "rubber", "food grade"]),
    ("BRG", "Ball bearing", "pcs", (3, 35), (10, 80), ["6204", "6305", "6310"]),
    ("VLV", "Control valve", "pcs", (120, 640), (1, 6), ["DN15", "DN25", "DN50"]),
    ("SNS", "Sensor module", "pcs", (75, 320), (2, 10), ["temperature", "pressure", "proximity"]),
    ("LUB", "Industrial lubricant", "l", (6, 22), (10, 60), ["ISO 46", "ISO 68"]),
    ("TRQ", "Torque wrench", "pcs", (90, 380), (1, 4), ["20-100 Nm", "40-200 Nm"]),
]
SUPPLIER_TRADES = ["Components", "Metals", "Industrial Supply", "Packaging", "Electronics", "Hydraulics", "Tools", "Chemicals"]
WAREHOUSES = [("MAIN", "Central warehouse"), ("NORTH", "North distribution centre"), ("SOUTH", "South distribution centre")]
RECEIVED_BY = "warehouse@demo"
# About how many typical order quantities of any product a customer buys in a year in the sales
# generator's orders (regular customers' repeat orders about 9, one-off orders and won deals about 2.5):
# purchasing is planned to cover that, so most orders ship.
TYPICAL_QUANTITIES_PER_CUSTOMER = 11.5
# Each month a third of the shelves (product and warehouse) is counted, so each is counted once a quarter;
# about this share of counts finds the shelf off the book: a damaged unit, a stray box.
COUNTED_EACH_MONTH = 3
COUNT_OFF_SHARE = 0.4


@dataclass(frozen=True)
class ProductRef:
    id: uuid.UUID
    sku: str
    name: str
    price: Decimal  # what customers pay per unit
    order_quantity: tuple[int, int]  # what a customer typically orders


@dataclass(frozen=True)
class PurchaseRef:
    id: uuid.UUID
    number: str
    supplier_id: uuid.UUID
    total: Decimal
    received_on: date | None  # the last delivery, if any arrived


@dataclass
class OperationsIds:
    suppliers: dict[uuid.UUID, str] = field(default_factory=dict)  # id -> name, in creation order
    warehouse_ids: list[uuid.UUID] = field(default_factory=list)
    products: list[ProductRef] = field(default_factory=list)
    purchases: list[PurchaseRef] = field(default_factory=list)
    stock: StockBook = field(default_factory=StockBook)


def product_count(size: int) -> int:
    return scaled(size, 1 / 15, minimum=15)


def purchase_order_count(size: int) -> int:
    return scaled(size, 0.4, minimum=8)


def planned_units(size: int) -> int:
    return product_count(size) + purchase_order_count(size)


async def generate_operations(
    rng: random.Random, *, size: int, timeline: Timeline, currency: str, advance: Callable[[int], None]
) -> OperationsIds:
    """Create the catalogue, stock it at the start of the year and restock it through the year."""
    ids = OperationsIds()
    for name in company_names(rng, scaled(size, 1 / 100, minimum=4), trades=SUPPLIER_TRADES):
        supplier = await operations_service.create_supplier(name=name, email=f"orders@{web_domain(name)}")
        ids.suppliers[supplier.id] = name
    for code, name in WAREHOUSES[: 2 if size < 500 else 3]:
        ids.warehouse_ids.append((await operations_service.create_warehouse(code=code, name=name)).id)
    yearly_demand = await _catalogue(rng, size, ids, advance)
    await _opening_stock(rng, timeline, ids, yearly_demand)
    await _purchasing(rng, size, timeline, currency, ids, yearly_demand, advance)
    await _stock_counts(rng, timeline, ids)
    return ids


async def _catalogue(rng: random.Random, size: int, ids: OperationsIds, advance: Callable[[int], None]) -> dict[uuid.UUID, int]:
    """Products with a preferred supplier; returns how many units of each customers should buy in a year."""
    count = product_count(size)
    per_product = TYPICAL_QUANTITIES_PER_CUSTOMER * size / count
    demand = {}
    for index in range(count):
        prefix, noun, unit, (low, high), quantity, variants = PRODUCT_LINES[index % len(PRODUCT_LINES)]
        yearly = max(20, round(per_product * sum(quantity) / 2))
        product = await operations_service.create_product(
            sku=f"{prefix}-{1001 + index}", name=f"{noun} {rng.choice(variants)}", unit=unit,
            reorder_point=Decimal(max(5, yearly // 12)), reorder_quantity=Decimal(max(10, yearly // 4)),
            preferred_supplier_id=rng.choice(list(ids.suppliers)),
        )
        ids.products.append(ProductRef(product.id, product.sku, product.name, money(rng, low, high), quantity))
        demand[product.id] = yearly
        advance(1)
    return demand


async def _opening_stock(rng: random.Random, timeline: Timeline, ids: OperationsIds, demand: dict[uuid.UUID, int]) -> None:
    """The count the year starts from: about four months of demand, most of it in the central warehouse."""
    counted_at = timeline.moment(rng, timeline.start, first_hour=7, last_hour=7)
    for product in ids.products:
        for position, warehouse_id in enumerate(ids.warehouse_ids):
            quantity = Decimal(max(2, round(demand[product.id] * (0.3 if position == 0 else 0.06) * rng.uniform(0.8, 1.3))))
            await operations_service.adjust_stock(
                product_id=product.id, warehouse_id=warehouse_id, quantity_change=quantity, reason="Opening stock count",
                moved_by=RECEIVED_BY, at=counted_at,
            )
            ids.stock.receive(product_id=product.id, warehouse_id=warehouse_id, on=timeline.start, quantity=quantity)


async def _purchasing(
    rng: random.Random, size: int, timeline: Timeline, currency: str, ids: OperationsIds, demand: dict[uuid.UUID, int],
    advance: Callable[[int], None],
) -> None:
    """Purchase orders through the year: most delivered (some in two parts), recent ones still open, a few cancelled."""
    count = purchase_order_count(size)
    restocks_per_product = max(1.0, 2.5 * count / len(ids.products))
    prices = {product.id: product.price for product in ids.products}
    for ordered_on in sorted(timeline.day(rng, timeline.start, timeline.yesterday) for _ in range(count)):
        warehouse_id = ids.warehouse_ids[0] if chance(rng, 0.75) else rng.choice(ids.warehouse_ids)
        products = rng.sample(ids.products, min(len(ids.products), rng.randint(1, 4)))
        lines = [
            operations_service.PurchaseOrderLineInput(
                product_id=product.id,
                quantity=Decimal(max(5, round(demand[product.id] * 1.15 / restocks_per_product * rng.uniform(0.7, 1.3)))),
                unit_price=(prices[product.id] * Decimal(rng.choice(["0.55", "0.6", "0.62", "0.65", "0.7"]))).quantize(Decimal("0.01")),
            )
            for product in products
        ]
        expected_on = ordered_on + timedelta(days=rng.randint(5, 21))
        order = await operations_service.create_purchase_order(
            supplier_id=rng.choice(list(ids.suppliers)), warehouse_id=warehouse_id, currency=currency, lines=lines,
            ordered_on=ordered_on, expected_on=expected_on,
        )
        received_on = await _deliveries(rng, timeline, order, warehouse_id, expected_on, ids.stock)
        ids.purchases.append(PurchaseRef(order.id, order.number, order.supplier_id, order.total, received_on))
        advance(1)


async def _deliveries(rng: random.Random, timeline: Timeline, order, warehouse_id: uuid.UUID, expected_on: date, stock: StockBook) -> date | None:
    """Receive an order on (about) its expected day if that has passed; returns the last delivery day."""
    arrives_on = expected_on + timedelta(days=rng.randint(-2, 4))
    if arrives_on >= timeline.as_of:
        return None
    if chance(rng, 0.03):
        await operations_service.cancel_purchase_order(purchase_order_id=order.id)
        return None
    order_lines = await operations_service.purchase_order_lines(purchase_order_id=order.id)
    split = chance(rng, 0.15)
    first = [(line, (line.quantity * Decimal(rng.choice(["0.4", "0.5", "0.6"]))).to_integral_value() if split else line.quantity) for line in order_lines]
    await _receive(rng, timeline, order.id, warehouse_id, arrives_on, [(line, quantity) for line, quantity in first if quantity > 0], stock)
    if not split:
        return arrives_on
    rest_on = arrives_on + timedelta(days=rng.randint(3, 12))
    if rest_on >= timeline.as_of or chance(rng, 0.3):
        return arrives_on  # the rest is still outstanding: the order stays partially received
    await _receive(rng, timeline, order.id, warehouse_id, rest_on, [(line, line.quantity - quantity) for line, quantity in first], stock)
    return rest_on


async def _receive(rng: random.Random, timeline: Timeline, order_id: uuid.UUID, warehouse_id: uuid.UUID, on: date, lines, stock: StockBook) -> None:
    # Deliveries are booked at 6-8h, before the day's shipments (9-16h) and stock counts (16-18h).
    lines = [(line, quantity) for line, quantity in lines if quantity > 0]
    if not lines:
        return
    await operations_service.receive_goods(
        purchase_order_id=order_id,
        lines=[operations_service.ReceiptLineInput(purchase_order_line_id=line.id, quantity=quantity) for line, quantity in lines],
        received_on=on, received_by=RECEIVED_BY, at=timeline.moment(rng, on, first_hour=6, last_hour=7),
    )
    for line, quantity in lines:
        stock.receive(product_id=line.product_id, warehouse_id=warehouse_id, on=on, quantity=quantity)


async def _stock_counts(rng: random.Random, timeline: Timeline, ids: OperationsIds) -> None:
    """Monthly cycle counts, each shelf once a quarter: most match the book, some find a little damage or a
    stray box, and a count never takes away more than the shelf held that day."""
    shelves = [(product, warehouse_id) for product in ids.products for warehouse_id in ids.warehouse_ids]
    for number, month in enumerate(timeline.months()):
        counted_on = timeline.day(rng, max(month_end(month) - timedelta(days=6), timeline.start), month_end(month))
        if counted_on >= timeline.as_of:
            continue
        for product, warehouse_id in shelves[number % COUNTED_EACH_MONTH :: COUNTED_EACH_MONTH]:
            if not chance(rng, COUNT_OFF_SHARE):
                continue
            change = Decimal(rng.choice([-3, -2, -1, -1, 1, 2]))
            if change < 0 and ids.stock.available(product_id=product.id, warehouse_id=warehouse_id, on=counted_on) < -change:
                continue
            await operations_service.adjust_stock(
                product_id=product.id, warehouse_id=warehouse_id, quantity_change=change,
                reason="Damaged in handling" if change < 0 else "Found during cycle count", moved_by=RECEIVED_BY,
                at=timeline.moment(rng, counted_on, first_hour=16, last_hour=17),
            )
            if change < 0:
                ids.stock.issue(warehouse_id=warehouse_id, lines=[(product.id, -change)])
            else:
                ids.stock.receive(product_id=product.id, warehouse_id=warehouse_id, on=counted_on, quantity=change)
