"""A year of customer invoices (for shipped orders and monthly or quarterly service plans), issued into the
ledger, and when each customer pays them: early, on time, late, in part or not at all."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from domain.finance import service as finance_service
from infra.demo.generators.bank_statements import BankLine
from infra.demo.generators.crm import CrmIds
from infra.demo.generators.draws import chance, money, share, weighted
from infra.demo.generators.sales import SalesIds, shipped_order_estimate
from infra.demo.generators.timeline import Timeline

ISSUED_BY = "finance@demo"
PAYMENT_TERMS = [(30, 70), (14, 15), (45, 15)]
# Days after the due date a customer pays; PARTLY: a part, around the due date, and the rest not yet;
# None: nothing so far.
PARTLY = "partly"
PAYING_HABITS = [((-20, -1), 30), ((0, 10), 36), ((11, 60), 18), (PARTLY, 6), (None, 10)]
# Customers on a maintenance plan, and of those the share billed monthly (the rest quarterly).
SERVICE_PLAN_SHARE = 0.35
MONTHLY_PLAN_SHARE = 0.7
# (months between invoices, fee per invoice from/to, chance of call-out visits on an invoice)
MONTHLY_PLAN = (1, (500, 2000), 0.12)
QUARTERLY_PLAN = (3, (1500, 6000), 0.3)


@dataclass(frozen=True)
class _InvoicePlan:
    issue_date: date
    customer_id: uuid.UUID
    sales_order_id: uuid.UUID | None = None
    lines: tuple[finance_service.InvoiceLineInput, ...] = ()


def subscriber_counts(size: int) -> tuple[int, int]:
    """How many customers are on a monthly and on a quarterly plan."""
    subscribers = max(2, round(size * SERVICE_PLAN_SHARE))
    monthly = max(1, round(subscribers * MONTHLY_PLAN_SHARE))
    return monthly, subscribers - monthly


def invoice_estimate(size: int) -> int:
    """About how many invoices a tenant of this size gets in a year (shipped orders and service plans)."""
    monthly, quarterly = subscriber_counts(size)
    return round(shipped_order_estimate(size) + 12 * monthly + 4 * quarterly)


async def invoice_the_year(
    rng: random.Random, *, timeline: Timeline, currency: str, vat_rate: Decimal, crm: CrmIds, sales: SalesIds, advance: Callable[[int], None]
) -> list[BankLine]:
    """Create and issue the year's invoices in date order (a few stay drafts, a few are voided);
    returns the customers' payments that reached the bank by yesterday, as statement lines."""
    names = {customer.id: customer.name for customer in crm.customers}
    receipts: list[BankLine] = []
    # The first two invoices due over 40 days ago show a part payment and an unpaid, overdue one at any size.
    showcase = [PARTLY, None]
    for plan in sorted(_plans(rng, timeline, vat_rate, crm, sales), key=lambda plan: plan.issue_date):
        if plan.sales_order_id is not None:
            invoice = await finance_service.create_invoice_from_sales_order(sales_order_id=plan.sales_order_id, tax_rate=vat_rate)
        else:
            invoice = await finance_service.create_invoice(customer_id=plan.customer_id, currency=currency, lines=list(plan.lines))
        advance(1)
        if (timeline.as_of - plan.issue_date).days <= 5 and chance(rng, 0.25):
            continue  # drafted, not issued yet
        terms = weighted(rng, PAYMENT_TERMS)
        invoice = await finance_service.issue_invoice(
            invoice_id=invoice.id, issue_date=plan.issue_date, due_date=plan.issue_date + timedelta(days=terms), issued_by=ISSUED_BY
        )
        if chance(rng, 0.01):
            await finance_service.void_invoice(
                invoice_id=invoice.id, reason="Issued twice by mistake", on=min(plan.issue_date + timedelta(days=2), timeline.yesterday), voided_by=ISSUED_BY
            )
            continue
        habit = weighted(rng, PAYING_HABITS)
        if showcase and invoice.due_date < timeline.as_of - timedelta(days=40):
            habit = showcase.pop(0)
        receipts.extend(_payments(rng, timeline, invoice, names[plan.customer_id], habit))
    return receipts


def _plans(rng: random.Random, timeline: Timeline, vat_rate: Decimal, crm: CrmIds, sales: SalesIds) -> list[_InvoicePlan]:
    plans = [_InvoicePlan(order.shipped_on, order.customer_id, sales_order_id=order.id) for order in sales.orders if order.shipped_on]
    monthly, quarterly = subscriber_counts(len(crm.customers))
    subscribers = rng.sample(crm.customers, monthly + quarterly)
    for position, customer in enumerate(subscribers):
        every, (low, high), visit_chance = MONTHLY_PLAN if position < monthly else QUARTERLY_PLAN
        fee = money(rng, low, high, step=50)
        day = rng.randint(1, 10)
        for month in timeline.months():
            issue_date = month.replace(day=day)
            if (month.month - 1) % every or not timeline.start <= issue_date < timeline.as_of:
                continue
            period = f"{month:%B %Y}" if every == 1 else f"Q{(month.month - 1) // 3 + 1} {month.year}"
            lines = [finance_service.InvoiceLineInput(description=f"Maintenance plan {period}", quantity=Decimal(1), unit_price=fee, tax_rate=vat_rate)]
            if chance(rng, visit_chance):
                visits = Decimal(rng.randint(1, 3))
                lines.append(finance_service.InvoiceLineInput(description="Call-out visit", quantity=visits, unit_price=Decimal(180), tax_rate=vat_rate))
            plans.append(_InvoicePlan(issue_date, customer.id, lines=tuple(lines)))
    return plans


def _payments(rng: random.Random, timeline: Timeline, invoice, customer_name: str, habit) -> list[BankLine]:
    """The bank receipts paying an issued invoice as the customer's habit has it, as long as they came by yesterday."""
    if habit is None:
        return []
    if habit == PARTLY:
        amounts = [(invoice.due_date + timedelta(days=rng.randint(-5, 25)), share(invoice.total, 0.3, 0.6, rng))]
    else:
        paid_on = max(invoice.due_date + timedelta(days=rng.randint(*habit)), invoice.issue_date + timedelta(days=1))
        amounts = [(paid_on, invoice.total)]
        if chance(rng, 0.08):
            first = share(invoice.total, 0.3, 0.6, rng)
            amounts = [(paid_on, first), (paid_on + timedelta(days=rng.randint(15, 45)), invoice.total - first)]
    return [
        BankLine(day, amount, customer_name, f"{invoice.number} {customer_name}"[:200], invoice_id=invoice.id)
        for day, amount in amounts
        if day < timeline.as_of
    ]
