"""Finance read models: AR ageing, profit and loss, trial balance, and receivables per customer."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tortoise.functions import Count, Sum

from domain import clock
from domain.aggregates import decimal_total
from domain.finance.models import AccountType, Invoice, InvoiceStatus, JournalEntry, JournalStatus
from domain.errors import CommonErrorCode, DomainError
from domain.money import Money, currency_code
from tenants.ownership import scoped

AGEING_BUCKETS = ("current", "days_1_30", "days_31_60", "days_61_90", "days_over_90")
REVENUE_STATUSES = (InvoiceStatus.ISSUED, InvoiceStatus.PAID)


def ageing_bucket(*, due_date: date, as_of: date) -> str:
    """The ageing bucket of an amount due on `due_date`, seen on `as_of`."""
    overdue = (as_of - due_date).days
    if overdue <= 0:
        return "current"
    if overdue <= 30:
        return "days_1_30"
    if overdue <= 60:
        return "days_31_60"
    if overdue <= 90:
        return "days_61_90"
    return "days_over_90"


@dataclass
class CustomerAgeing:
    customer_id: uuid.UUID
    currency: str
    customer_name: str = ""
    current: Decimal = Decimal(0)
    days_1_30: Decimal = Decimal(0)
    days_31_60: Decimal = Decimal(0)
    days_61_90: Decimal = Decimal(0)
    days_over_90: Decimal = Decimal(0)

    @property
    def total(self) -> Decimal:
        return sum((getattr(self, bucket) for bucket in AGEING_BUCKETS), Decimal(0))


async def ar_ageing(
    *,
    as_of: date | None = None,
    customer_ids: Sequence[uuid.UUID] | None = None,
    currency: str | None = None,
    bucket: str | None = None,
) -> list[CustomerAgeing]:
    """Amounts due on issued invoices per customer and currency, in buckets by days past the due date
    (current, 1-30, 31-60, 61-90, over 90), from one query; optionally of some customers, in one currency,
    or only the rows owing something in `bucket` (one of AGEING_BUCKETS)."""
    as_of = as_of or clock.today()
    if bucket is not None and bucket not in AGEING_BUCKETS:
        raise DomainError(CommonErrorCode.INVALID, f"bucket must be one of {', '.join(AGEING_BUCKETS)}", field="bucket")
    query = scoped(Invoice).filter(status=InvoiceStatus.ISSUED, amount_due__gt=0, issue_date__lte=as_of)
    if customer_ids is not None:
        query = query.filter(customer_id__in=list(customer_ids))
    if currency is not None:
        query = query.filter(currency=currency_code(currency))
    rows: dict[tuple[uuid.UUID, str], CustomerAgeing] = {}
    for invoice in await query.values("customer_id", "customer__name", "currency", "due_date", "amount_due"):
        customer_id = uuid.UUID(str(invoice["customer_id"]))
        row = rows.setdefault(
            (customer_id, invoice["currency"]),
            CustomerAgeing(customer_id=customer_id, currency=invoice["currency"], customer_name=invoice["customer__name"]),
        )
        due_bucket = ageing_bucket(due_date=invoice["due_date"], as_of=as_of)
        setattr(row, due_bucket, getattr(row, due_bucket) + invoice["amount_due"])
    found = rows.values() if bucket is None else [row for row in rows.values() if getattr(row, bucket) > 0]
    return sorted(found, key=lambda row: (str(row.customer_id), row.currency))


@dataclass(frozen=True)
class AccountAmount:
    account_id: uuid.UUID
    code: str
    name: str
    amount: Money


@dataclass(frozen=True)
class ProfitAndLoss:
    currency: str
    income: tuple[AccountAmount, ...]
    expenses: tuple[AccountAmount, ...]

    @property
    def total_income(self) -> Money:
        return Money.total((line.amount for line in self.income), currency=self.currency)

    @property
    def total_expenses(self) -> Money:
        return Money.total((line.amount for line in self.expenses), currency=self.currency)

    @property
    def net_profit(self) -> Money:
        return self.total_income - self.total_expenses


async def _account_sums(**filters: object) -> list[dict]:
    return (
        await scoped(JournalEntry)
        .filter(journal__status=JournalStatus.POSTED, **filters)
        .annotate(debits=Sum("debit"), credits=Sum("credit"))
        .group_by("account_id", "account__code", "account__name", "account__type", "journal__currency")
        .values("account_id", "account__code", "account__name", "account__type", "journal__currency", "debits", "credits")
    )


async def profit_and_loss(*, period_start: date, period_end: date) -> list[ProfitAndLoss]:
    """Income (credits less debits) and expenses (debits less credits) per account for journals posted
    in the period, one statement per currency, from one aggregate query."""
    rows = await _account_sums(
        journal__entry_date__gte=period_start,
        journal__entry_date__lte=period_end,
        account__type__in=[AccountType.INCOME, AccountType.EXPENSE],
    )
    by_currency: dict[str, dict[str, list[AccountAmount]]] = {}
    for row in sorted(rows, key=lambda row: row["account__code"]):
        currency = row["journal__currency"]
        debits, credits = decimal_total(row["debits"]), decimal_total(row["credits"])
        is_income = row["account__type"] == AccountType.INCOME
        amount = Money(credits - debits if is_income else debits - credits, currency)
        sections = by_currency.setdefault(currency, {"income": [], "expenses": []})
        sections["income" if is_income else "expenses"].append(
            AccountAmount(account_id=uuid.UUID(str(row["account_id"])), code=row["account__code"], name=row["account__name"], amount=amount)
        )
    return [
        ProfitAndLoss(currency=currency, income=tuple(sections["income"]), expenses=tuple(sections["expenses"]))
        for currency, sections in sorted(by_currency.items())
    ]


@dataclass(frozen=True)
class TrialBalanceLine:
    account_id: uuid.UUID
    code: str
    currency: str
    debits: Decimal
    credits: Decimal

    @property
    def balance(self) -> Decimal:
        """Debits less credits."""
        return self.debits - self.credits


async def trial_balance(*, as_of: date | None = None) -> list[TrialBalanceLine]:
    """Posted debits and credits per account and currency up to `as_of` (inclusive)."""
    filters = {"journal__entry_date__lte": as_of} if as_of else {}
    return [
        TrialBalanceLine(
            account_id=uuid.UUID(str(row["account_id"])),
            code=row["account__code"],
            currency=row["journal__currency"],
            debits=decimal_total(row["debits"]),
            credits=decimal_total(row["credits"]),
        )
        for row in sorted(await _account_sums(**filters), key=lambda row: (row["account__code"], row["journal__currency"]))
    ]


@dataclass(frozen=True)
class CustomerReceivables:
    outstanding: tuple[Money, ...] = ()
    overdue_invoice_count: int = 0
    lifetime_revenue: tuple[Money, ...] = field(default=())  # net of tax, issued and paid invoices


def _monies(totals: dict[str, Decimal]) -> tuple[Money, ...]:
    return tuple(Money(amount, currency) for currency, amount in sorted(totals.items()))


async def receivables_by_customer(*, customer_ids: Sequence[uuid.UUID], as_of: date | None = None) -> dict[uuid.UUID, CustomerReceivables]:
    """Outstanding balance, overdue invoice count and lifetime revenue for a batch of customers,
    in three aggregate queries whatever the batch size."""
    as_of = as_of or clock.today()
    ids = list(customer_ids)
    invoices = scoped(Invoice).filter(customer_id__in=ids)
    outstanding_rows = (
        await invoices.filter(status=InvoiceStatus.ISSUED)
        .annotate(total=Sum("amount_due"))
        .group_by("customer_id", "currency")
        .values("customer_id", "currency", "total")
    )
    overdue_rows = (
        await invoices.filter(status=InvoiceStatus.ISSUED, due_date__lt=as_of)
        .annotate(count=Count("id"))
        .group_by("customer_id")
        .values("customer_id", "count")
    )
    revenue_rows = (
        await invoices.filter(status__in=REVENUE_STATUSES)
        .annotate(total=Sum("subtotal"))
        .group_by("customer_id", "currency")
        .values("customer_id", "currency", "total")
    )
    outstanding: dict[uuid.UUID, dict[str, Decimal]] = {}
    revenue: dict[uuid.UUID, dict[str, Decimal]] = {}
    for rows, target in ((outstanding_rows, outstanding), (revenue_rows, revenue)):
        for row in rows:
            target.setdefault(uuid.UUID(str(row["customer_id"])), {})[row["currency"]] = decimal_total(row["total"])
    overdue = {uuid.UUID(str(row["customer_id"])): row["count"] for row in overdue_rows}
    return {
        customer_id: CustomerReceivables(
            outstanding=_monies(outstanding.get(customer_id, {})),
            overdue_invoice_count=overdue.get(customer_id, 0),
            lifetime_revenue=_monies(revenue.get(customer_id, {})),
        )
        for customer_id in ids
    }
