"""A believable, deterministic catalogue of about forty products per customer, and a few past orders."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

from infra.portals.supplier.models import Order, OrderLine, Product, SupplierCustomer

# (name, unit, list price in EUR)
PRODUCTS = (
    ("Hex bolt M6x30 zinc plated, box of 200", "box", "18.40"), ("Hex bolt M8x40 zinc plated, box of 100", "box", "21.90"),
    ("Hex bolt M10x50 zinc plated, box of 50", "box", "24.75"), ("Hex nut M8 stainless, box of 500", "box", "32.10"),
    ("Flat washer M8, box of 1000", "box", "14.60"), ("Wood screw 4x40 countersunk, box of 500", "box", "12.95"),
    ("Wall plug 8 mm nylon, box of 100", "box", "6.80"), ("Cable tie 200 mm black, bag of 100", "bag", "4.25"),
    ("Cable tie 300 mm UV resistant, bag of 100", "bag", "7.90"), ("Insulation tape 19 mm x 20 m, red", "roll", "1.95"),
    ("Duct tape 50 mm x 50 m, grey", "roll", "8.40"), ("Packing tape 48 mm x 66 m, clear", "roll", "2.10"),
    ("Pallet stretch wrap 500 mm x 300 m", "roll", "19.80"), ("Corrugated box 400x300x300 mm", "pack of 25", "27.50"),
    ("Bubble wrap 1000 mm x 50 m", "roll", "34.90"), ("Nitrile gloves size L, box of 100", "box", "9.95"),
    ("Nitrile gloves size M, box of 100", "box", "9.95"), ("Cut resistant gloves level C, pair", "pair", "6.45"),
    ("Safety goggles anti-fog", "piece", "5.60"), ("Ear defenders SNR 30 dB", "piece", "14.20"),
    ("Hi-vis vest yellow size XL", "piece", "3.75"), ("Safety helmet white, ratchet", "piece", "11.30"),
    ("First aid kit workplace 1-10 persons", "piece", "39.00"), ("Fire extinguisher 6 kg powder", "piece", "64.50"),
    ("Printer paper A4 80 g, box of 5 reams", "box", "23.90"), ("Toner cartridge HP 59A compatible", "piece", "58.00"),
    ("Lever arch file A4 80 mm, blue", "piece", "2.85"), ("Ballpoint pen blue, box of 50", "box", "11.50"),
    ("Whiteboard marker assorted, set of 4", "set", "5.40"), ("Sticky notes 76x76 mm, pack of 12", "pack", "8.75"),
    ("LED tube T8 1500 mm 24 W", "piece", "7.20"), ("Extension reel 25 m 4 sockets", "piece", "42.00"),
    ("Cordless drill 18 V with 2 batteries", "piece", "149.00"), ("Drill bit set HSS 1-10 mm, 19 pieces", "set", "24.30"),
    ("Spirit level 600 mm aluminium", "piece", "16.90"), ("Tape measure 8 m", "piece", "9.80"),
    ("Utility knife with 10 blades", "piece", "7.65"), ("Lubricant spray 400 ml", "can", "6.90"),
    ("Degreaser concentrate 5 l", "can", "21.40"), ("Paper towel roll industrial, pack of 2", "pack", "17.60"),
)  # fmt: skip


def seed_customer(
    tenant_slug: str,
    *,
    seed: int,
    now: datetime,
    next_order_number: Callable[[datetime], str],
    next_invoice_number: Callable[[datetime], str],
) -> SupplierCustomer:
    rng = random.Random(f"{seed}/supplier/{tenant_slug}")
    customer = SupplierCustomer(
        tenant_slug=tenant_slug,
        customer_number=f"C{rng.randrange(100_000, 999_999)}",
        company_name=f"{tenant_slug.replace('-', ' ').title()} B.V.",
    )
    discount = Decimal(rng.choice([0, 3, 5, 8])) / 100  # each customer has its own negotiated discount
    for index, (name, unit, price) in enumerate(PRODUCTS):
        sku = f"MIS-{10_000 + index * 37:05d}"
        unit_price = (Decimal(price) * (1 - discount)).quantize(Decimal("0.01"))
        stock = 0 if rng.random() < 0.08 else rng.randrange(5, 900)  # a few items are out of stock
        customer.catalogue[sku] = Product(sku=sku, name=name, unit=unit, unit_price=unit_price, stock=stock)
    customer.orders = _past_orders(rng, customer, now, next_order_number, next_invoice_number)
    return customer


def _past_orders(
    rng: random.Random,
    customer: SupplierCustomer,
    now: datetime,
    next_order_number: Callable[[datetime], str],
    next_invoice_number: Callable[[datetime], str],
) -> list[Order]:
    """Three invoiced orders from the last months and a recent one that has shipped."""
    orders = []
    products = list(customer.catalogue.values())
    for months_back, status in ((3, "invoiced"), (2, "invoiced"), (1, "invoiced"), (0, "shipped")):
        submitted_on = (now - timedelta(days=30 * months_back + rng.randrange(3, 20))).date()
        submitted_at = datetime.combine(submitted_on, time(rng.randrange(8, 17), rng.randrange(60)), tzinfo=UTC)
        lines = [
            OrderLine(sku=product.sku, name=product.name, quantity=rng.randrange(1, 20), unit_price=product.unit_price)
            for product in rng.sample(products, rng.randrange(1, 5))
        ]
        order = Order(
            order_number=next_order_number(submitted_at),
            po_reference=f"PO-{submitted_at:%Y}-{rng.randrange(1_000, 9_999)}",
            lines=lines,
            submitted_at=submitted_at,
            status=status,
        )
        if status == "invoiced":
            order.invoiced_at = submitted_at + timedelta(days=rng.randrange(5, 10))
            order.invoice_number = next_invoice_number(order.invoiced_at)
        orders.append(order)
    return orders
