"""Sales demo data: leads, deals moving through two pipelines (won, lost or still open), quotes, and a
year of sales orders (regular customers reordering their usual products, occasional one-off orders,
won deals) shipped from stock that had arrived by then."""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate

from domain.sales import service as sales_service
from infra.demo.generators.crm import CrmIds, CustomerRef
from infra.demo.generators.draws import chance, money, scaled, weighted
from infra.demo.generators.hr import HrIds
from infra.demo.generators.names import company_names, email_local_part, person, short_name, web_domain
from infra.demo.generators.operations import OperationsIds, ProductRef
from infra.demo.generators.shipping import ship_order
from infra.demo.generators.timeline import Timeline

PIPELINES = {
    "New business": [("Prospecting", 10), ("Qualification", 25), ("Proposal", 50), ("Negotiation", 70), ("Commitment", 90)],
    "Renewals and expansion": [("Review", 40), ("Quote sent", 70), ("Signature", 90)],
}
# From this stage on (by position, 0-based) a deal has been sent a quote.
QUOTED_FROM = {"New business": 2, "Renewals and expansion": 1}
LEAD_SOURCES = [("Website", 30), ("Trade fair", 14), ("Referral", 20), ("Cold call", 10), ("LinkedIn", 16), ("Webinar", 10)]
RECENT_LEAD_OUTCOMES = [("new", 40), ("qualified", 25), ("converted", 25), ("disqualified", 10)]
OLD_LEAD_OUTCOMES = [("new", 8), ("qualified", 27), ("disqualified", 65)]
LOST_REASONS = ["Price too high", "Chose a competitor", "No budget this year", "Project postponed", "No decision made", "Requirements not met"]
SERVICES = [("Installation and commissioning", 450, 2400), ("On-site training (day)", 900, 1400), ("Extended warranty (12 months)", 150, 900)]
DEAL_TOPICS = ["Line upgrade", "Spare parts framework", "Warehouse fit-out", "Maintenance kit", "Plant expansion", "Safety retrofit"]
# The share of customers who reorder through the year, the orders they place (counted per customer of
# the tenant), and how much more the biggest of them orders than a typical one (Pareto-drawn, capped).
REGULAR_SHARE = 0.3
REPEAT_ORDERS_PER_CUSTOMER = 2.0
LARGEST_APPETITE = 8.0
ONE_OFF_ORDERS_PER_CUSTOMER = 0.35
# About the share of deals won (older ones are mostly decided, recent ones mostly open), and of all
# orders the share shipped by the seeding day (the rest cancelled, waiting for stock or too recent).
WON_SHARE = 0.37
SHIPPED_SHARE = 0.93


@dataclass(frozen=True)
class OrderRef:
    id: uuid.UUID
    customer_id: uuid.UUID
    ordered_on: date
    shipped_on: date | None  # when its goods left, if they did
    cancelled: bool


@dataclass
class SalesIds:
    orders: list[OrderRef] = field(default_factory=list)  # by order date


@dataclass(frozen=True)
class _Pipeline:
    id: uuid.UUID
    name: str
    stage_ids: list[uuid.UUID]


@dataclass(frozen=True)
class _OrderPlan:
    ordered_on: date
    customer: CustomerRef
    quote_id: uuid.UUID | None = None
    lines: tuple[sales_service.SalesLineInput, ...] = ()
    from_deal: bool = False  # its progress was the deal's


def lead_count(size: int) -> int:
    return scaled(size, 1 / 4, minimum=8)


def deal_count(size: int) -> int:
    return scaled(size, 0.35, minimum=10)


def repeat_order_count(size: int) -> int:
    return scaled(size, REPEAT_ORDERS_PER_CUSTOMER, minimum=8)


def one_off_order_count(size: int) -> int:
    return scaled(size, ONE_OFF_ORDERS_PER_CUSTOMER, minimum=4)


def shipped_order_estimate(size: int) -> float:
    """About how many orders ship in the year (for the invoicing's progress; the draws decide)."""
    return (repeat_order_count(size) + one_off_order_count(size) + deal_count(size) * WON_SHARE) * SHIPPED_SHARE


def planned_units(size: int) -> int:
    return lead_count(size) + deal_count(size) + repeat_order_count(size) + one_off_order_count(size)


async def generate_sales(
    rng: random.Random, *, size: int, timeline: Timeline, currency: str, hr: HrIds, crm: CrmIds, operations: OperationsIds,
    advance: Callable[[int], None],
) -> SalesIds:
    """Create the pipelines, leads, deals with quotes, and the year's orders with their shipments."""
    owners = [employee.name for employee in hr.in_department("Sales")]
    pipelines = [await _pipeline(name, stages) for name, stages in PIPELINES.items()]
    await _leads(rng, size, timeline, currency, owners, crm, pipelines[0], advance)
    plans = await _deals(rng, size, timeline, currency, owners, crm, operations.products, pipelines, advance)
    plans += _repeat_orders(rng, size, timeline, crm, operations.products)
    for _ in range(one_off_order_count(size)):
        plans.append(_OrderPlan(timeline.day(rng), rng.choice(crm.customers), lines=tuple(_order_lines(rng, operations.products))))
    ids = SalesIds()
    for plan in sorted(plans, key=lambda plan: plan.ordered_on):
        ids.orders.append(await _order(rng, timeline, currency, plan, operations))
        if not plan.from_deal:
            advance(1)
    return ids


def _repeat_orders(rng: random.Random, size: int, timeline: Timeline, crm: CrmIds, products: list[ProductRef]) -> list[_OrderPlan]:
    """The regular customers' orders: each reorders a few usual products at its own rhythm through the
    year, the biggest every couple of weeks, the smallest once or twice."""
    regulars = rng.sample(crm.customers, max(1, round(len(crm.customers) * REGULAR_SHARE)))
    appetite = list(accumulate(min(rng.paretovariate(1.5), LARGEST_APPETITE) for _ in regulars))
    orders_of = Counter(rng.choices(range(len(regulars)), cum_weights=appetite, k=repeat_order_count(size)))
    plans = []
    for index, count in sorted(orders_of.items()):
        usual = rng.sample(products, min(len(products), rng.randint(2, 5)))
        interval = (timeline.yesterday - timeline.start).days / count
        first = rng.uniform(0, interval)
        for number in range(count):
            offset = round(first + interval * (number + rng.uniform(-0.2, 0.2)))
            ordered_on = min(max(timeline.start + timedelta(days=offset), timeline.start), timeline.yesterday)
            plans.append(_OrderPlan(ordered_on, regulars[index], lines=tuple(_order_lines(rng, usual))))
    return plans


async def _pipeline(name: str, stages: list[tuple[str, int]]) -> _Pipeline:
    pipeline = await sales_service.create_pipeline(name=name, stages=[sales_service.StageInput(stage, probability) for stage, probability in stages])
    return _Pipeline(pipeline.id, name, [stage.id for stage in await sales_service.pipeline_stages(pipeline_id=pipeline.id)])


async def _leads(
    rng: random.Random, size: int, timeline: Timeline, currency: str, owners: list[str], crm: CrmIds, pipeline: _Pipeline,
    advance: Callable[[int], None],
) -> None:
    """Prospects from the year; recent ones are often still new, older ones were qualified or dropped,
    and some recent ones were converted into deals with customers."""
    names = company_names(rng, lead_count(size))
    for created_on, company in sorted(((timeline.day(rng), name) for name in names), key=lambda item: item[0]):
        recent = (timeline.as_of - created_on).days <= 45
        outcome = weighted(rng, RECENT_LEAD_OUTCOMES if recent else OLD_LEAD_OUTCOMES)
        customer = rng.choice(crm.customers) if outcome == "converted" else None
        first_name, last_name = person(rng)
        company = customer.name if customer else company
        lead = await sales_service.create_lead(
            company_name=company, contact_name=f"{first_name} {last_name}", email=f"{email_local_part(first_name, last_name)}@{web_domain(company)}",
            source=weighted(rng, LEAD_SOURCES), owner=rng.choice(owners),
        )
        if outcome == "qualified":
            await sales_service.qualify_lead(lead_id=lead.id)
        elif outcome == "disqualified":
            await sales_service.disqualify_lead(lead_id=lead.id)
        elif customer is not None:
            await sales_service.qualify_lead(lead_id=lead.id)
            await sales_service.convert_lead(
                lead_id=lead.id, pipeline_id=pipeline.id, deal_name=f"{short_name(company)}: {rng.choice(DEAL_TOPICS)}",
                amount=money(rng, 3000, 60000, step=500), currency=currency, converted_by=lead.owner or owners[0], customer_id=customer.id,
            )
        advance(1)


async def _deals(
    rng: random.Random, size: int, timeline: Timeline, currency: str, owners: list[str], crm: CrmIds, products: list[ProductRef],
    pipelines: list[_Pipeline], advance: Callable[[int], None],
) -> list[_OrderPlan]:
    """Deals opened through the year and moved stage by stage: older ones mostly won or lost, recent ones open.
    Quoted deals got a quote; a won deal's accepted quote becomes an order on the day it was won."""
    orders = []
    for created_on in sorted(timeline.day(rng) for _ in range(deal_count(size))):
        customer = rng.choice(crm.customers)
        pipeline = pipelines[1] if chance(rng, 0.25) else pipelines[0]
        lines = _order_lines(rng, products, larger=True)
        amount = sum((line.quantity * line.unit_price for line in lines), Decimal(0)).quantize(Decimal("0.01"))
        age = (timeline.as_of - created_on).days
        outcome = weighted(rng, [("won", 45), ("lost", 35), ("open", 20)] if age > 90 else [("won", 12), ("lost", 10), ("open", 78)])
        last = len(pipeline.stage_ids) - 1
        target = {"won": rng.randint(last - 1, last), "lost": rng.randint(0, last), "open": rng.randint(0, last)}[outcome]
        closes_on = min(created_on + timedelta(days=rng.randint(14, 110)), timeline.yesterday)
        owner = rng.choice(owners)
        at = timeline.moment(rng, created_on)
        deal = await sales_service.create_deal(
            customer_id=customer.id, pipeline_id=pipeline.id, name=f"{short_name(customer.name)}: {rng.choice(DEAL_TOPICS)}",
            amount=amount, currency=currency, created_by=owner, owner=owner, expected_close_on=created_on + timedelta(days=rng.randint(30, 120)),
            at=at,
        )
        step_days = max(1, (closes_on - created_on).days // (target + 2))
        for position in range(1, target + 1):
            at = timeline.moment_after(rng, min(created_on + timedelta(days=step_days * position), closes_on), after=at)
            await sales_service.move_deal_to_stage(deal_id=deal.id, stage_id=pipeline.stage_ids[position], changed_by=owner, at=at)
        quote_id = None
        if target >= QUOTED_FROM[pipeline.name]:
            quoted_on = min(created_on + timedelta(days=step_days * QUOTED_FROM[pipeline.name]), closes_on)
            quote_id = await _quote(rng, timeline, currency, customer, deal.id, lines, quoted_on, outcome, closes_on)
        if outcome == "won":
            await sales_service.mark_deal_won(deal_id=deal.id, changed_by=owner, at=timeline.moment_after(rng, closes_on, after=at))
            orders.append(_OrderPlan(closes_on, customer, quote_id=quote_id, lines=() if quote_id else tuple(lines), from_deal=True))
        elif outcome == "lost":
            await sales_service.mark_deal_lost(
                deal_id=deal.id, reason=rng.choice(LOST_REASONS), changed_by=owner, at=timeline.moment_after(rng, closes_on, after=at)
            )
        advance(1)
    return orders


async def _quote(rng, timeline: Timeline, currency: str, customer: CustomerRef, deal_id, lines, quoted_on: date, outcome: str, closes_on: date):
    """A quote for the deal: accepted when won (valid until past the close), rejected or expired when lost, sent or drafted while open."""
    valid_until = max(quoted_on + timedelta(days=30), closes_on)
    quote = await sales_service.create_quote(customer_id=customer.id, currency=currency, lines=lines, deal_id=deal_id, valid_until=valid_until)
    if outcome == "open" and chance(rng, 0.3):
        return quote.id  # still a draft
    await sales_service.send_quote(quote_id=quote.id)
    if outcome == "won":
        await sales_service.accept_quote(quote_id=quote.id, on=closes_on)
    elif outcome == "lost" and chance(rng, 0.6):
        await sales_service.reject_quote(quote_id=quote.id)
    return quote.id


def _order_lines(rng: random.Random, products: list[ProductRef], *, larger: bool = False) -> list[sales_service.SalesLineInput]:
    """One to four products in one to three times their typical quantity (more for a deal), sometimes with a service."""
    lines = []
    for product in rng.sample(products, min(len(products), rng.randint(1, 3 if larger else 4))):
        low, high = product.order_quantity
        quantity = rng.randint(low, high) * (rng.randint(2, 4) if larger else rng.randint(1, 3))
        lines.append(sales_service.SalesLineInput(description=product.name, quantity=Decimal(quantity), unit_price=product.price, product_id=product.id))
    if chance(rng, 0.15):
        description, low, high = rng.choice(SERVICES)
        lines.append(sales_service.SalesLineInput(description=description, quantity=Decimal(1), unit_price=money(rng, low, high, step=50)))
    return lines


async def _order(rng: random.Random, timeline: Timeline, currency: str, plan: _OrderPlan, operations: OperationsIds) -> OrderRef:
    if plan.quote_id is not None:
        order = await sales_service.create_sales_order_from_quote(quote_id=plan.quote_id, ordered_on=plan.ordered_on)
    else:
        order = await sales_service.create_sales_order(customer_id=plan.customer.id, currency=currency, lines=list(plan.lines), ordered_on=plan.ordered_on)
    if (timeline.as_of - plan.ordered_on).days > 7 and chance(rng, 0.03):
        await sales_service.cancel_sales_order(sales_order_id=order.id)
        return OrderRef(order.id, plan.customer.id, plan.ordered_on, None, True)
    shipped_on = await ship_order(rng, timeline, order.id, plan.ordered_on, operations)
    return OrderRef(order.id, plan.customer.id, plan.ordered_on, shipped_on, False)
