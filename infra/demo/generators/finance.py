"""Finance demo data: a chart of accounts and a year of posted journals (opening balance, payroll and
overheads, invoices and payments, supplier bills), monthly bank statements, and quarterly VAT returns."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from domain.finance import service as finance_service
from domain.finance.models import AccountType, SystemAccount
from infra.demo.generators.bank_statements import BankLine, import_statements
from infra.demo.generators.crm import CrmIds
from infra.demo.generators.draws import chance, money
from infra.demo.generators.hr import HrIds
from infra.demo.generators.operations import OperationsIds
from infra.demo.generators.receivables import invoice_estimate, invoice_the_year
from infra.demo.generators.sales import SalesIds
from infra.demo.generators.timeline import Timeline, month_end

POSTED_BY = "finance@demo"
VAT_RATE = Decimal("0.20")
ACCOUNTS = [
    ("1500", "Equipment", AccountType.ASSET),
    ("3000", "Share capital", AccountType.EQUITY),
    ("2300", "Accrued expenses", AccountType.LIABILITY),
    ("3100", "Retained earnings", AccountType.EQUITY),
    ("6100", "Salaries and wages", AccountType.EXPENSE),
    ("6200", "Rent and facilities", AccountType.EXPENSE),
    ("6300", "Utilities", AccountType.EXPENSE),
    ("6500", "Software and IT", AccountType.EXPENSE),
    ("6600", "Audit and legal fees", AccountType.EXPENSE),
    ("6800", "Bank charges", AccountType.EXPENSE),
]
# (account code, description, day of the month, payee, monthly amount from/to, multiplied by the tenant's size)
OVERHEADS = [
    ("6200", "Office and warehouse rent", 1, "Harbour Properties Ltd", (6000, 6000)),
    ("6500", "Software subscriptions", 5, "Cloudworks SaaS Ltd", (900, 1400)),
    ("6300", "Electricity and water", 15, "City Utilities", (700, 1600)),
]


# About how many receipts are matched to an invoice per invoice issued: most are paid in full by the last
# reconciled statement, a few in two parts, the rest not yet (or not due yet).
MATCHED_RECEIPTS_PER_INVOICE = 0.84


def planned_units(size: int) -> int:
    """Each invoice created and each receipt matched to one."""
    return round(invoice_estimate(size) * (1 + MATCHED_RECEIPTS_PER_INVOICE))


async def generate_finance(
    rng: random.Random, *, size: int, timeline: Timeline, currency: str, bank_account: str, hr: HrIds, crm: CrmIds,
    sales: SalesIds, operations: OperationsIds, advance: Callable[[int], None],
) -> None:
    """Create the chart of accounts and the year's bookings, statements and VAT returns."""
    await finance_service.ensure_chart_of_accounts()
    accounts = {account.code: account.id for account in await _chart()}
    bank = (await finance_service.system_account(role=SystemAccount.BANK)).id
    opening = money(rng, 150000, 150000 + size * 400, step=1000)
    capital = [(accounts["3000"], 0, opening * Decimal("0.3")), (accounts["3100"], 0, opening * Decimal("0.7"))]
    await _journal(timeline.start, "Opening balance", currency, [(bank, opening, 0), *capital])
    lines = await _overheads(rng, size, timeline, currency, hr, accounts, bank)
    lines += await invoice_the_year(rng, timeline=timeline, currency=currency, vat_rate=VAT_RATE, crm=crm, sales=sales, advance=advance)
    lines += await _payables(rng, timeline, currency, operations)
    await import_statements(timeline=timeline, currency=currency, bank_account=bank_account, opening_balance=opening, lines=lines, advance=advance)
    await _vat_returns(rng, timeline, currency)


async def _chart():
    for code, name, type_ in ACCOUNTS:
        await finance_service.create_account(code=code, name=name, type=type_)
    return await finance_service.list_accounts()


async def _journal(entry_date: date, description: str, currency: str, entries, *, source: str | None = None):
    return await finance_service.record_journal(
        entry_date=entry_date, description=description, currency=currency, source=source, posted_by=POSTED_BY,
        entries=[finance_service.EntryInput(account_id=account_id, debit=Decimal(debit), credit=Decimal(credit)) for account_id, debit, credit in entries],
    )


async def _overheads(rng: random.Random, size: int, timeline: Timeline, currency: str, hr: HrIds, accounts, bank) -> list[BankLine]:
    """Monthly payroll, rent, software and utilities, and bank charges, each posted and paid from the bank;
    one month's rent was booked twice and reversed, and the audit accrual prepared yesterday is still a draft."""
    lines = []
    scale = Decimal(max(1, size // 250))
    for month in timeline.months():
        bookings = [
            (accounts[code], text, month.replace(day=day), payee, money(rng, low, high, step=50) * scale)
            for code, text, day, payee, (low, high) in OVERHEADS
        ]
        bookings.append((accounts["6100"], "Salaries", month.replace(day=28), "Payroll run", hr.monthly_payroll.get(month, Decimal(0))))
        bookings.append((accounts["6800"], "Bank charges", month_end(month), "Bank", money(rng, 20, 90)))
        for account_id, text, day, payee, amount in bookings:
            if not timeline.start <= day < timeline.as_of or amount <= 0:
                continue
            await _journal(day, f"{text} {month:%B %Y}", currency, [(account_id, amount, 0), (bank, 0, amount)], source="bank")
            lines.append(BankLine(day, -amount, payee, f"{text} {month:%m/%Y}"))
    months = [month for month in timeline.months() if timeline.start <= month < timeline.as_of]
    if len(months) >= 2:
        month = months[len(months) // 2]
        rent = Decimal(6000) * scale
        duplicate = await _journal(
            month + timedelta(days=2), f"Office and warehouse rent {month:%B %Y}", currency, [(accounts["6200"], rent, 0), (bank, 0, rent)]
        )
        await finance_service.reverse_journal(journal_id=duplicate.id, entry_date=month + timedelta(days=9), reason="rent booked twice", posted_by=POSTED_BY)
    # Dated yesterday, not at this month's end: nothing in the demo is dated on or after the seeding day.
    await finance_service.create_journal(
        entry_date=timeline.yesterday, description="Accrual for the annual audit", currency=currency,
        entries=[
            finance_service.EntryInput(account_id=accounts["6600"], debit=Decimal(4500)),
            finance_service.EntryInput(account_id=accounts["2300"], credit=Decimal(4500)),
        ],
    )
    return lines


async def _payables(rng: random.Random, timeline: Timeline, currency: str, operations: OperationsIds) -> list[BankLine]:
    """The suppliers' bills for delivered purchase orders, paid around their due date once it came."""
    lines = []
    for number, purchase in enumerate(operations.purchases, start=1):
        if purchase.received_on is None or purchase.total <= 0:
            continue
        due_date = purchase.received_on + timedelta(days=30)
        bill = await finance_service.record_supplier_invoice(
            supplier_id=purchase.supplier_id, supplier_reference=f"SI-{purchase.received_on:%y%m}-{number:05d}", currency=currency,
            net_amount=purchase.total, tax_amount=(purchase.total * VAT_RATE).quantize(Decimal("0.01")), issue_date=purchase.received_on,
            due_date=due_date, purchase_order_id=purchase.id, recorded_by=POSTED_BY,
        )
        paid_on = due_date - timedelta(days=rng.randint(0, 6))
        if paid_on < timeline.as_of and not chance(rng, 0.05):
            await finance_service.pay_supplier_invoice(supplier_invoice_id=bill.id, paid_on=paid_on, paid_by=POSTED_BY)
            lines.append(BankLine(paid_on, -bill.total, operations.suppliers[purchase.supplier_id], f"{bill.supplier_reference} {purchase.number}"))
    return lines


async def _vat_returns(rng: random.Random, timeline: Timeline, currency: str) -> None:
    """A return per quarter that ended in the year: filed about three weeks later, the latest still a draft."""
    quarters = timeline.quarters()
    for index, (first, last) in enumerate(quarters):
        vat_return = await finance_service.prepare_vat_return(period_start=first, period_end=last, currency=currency)
        filed_on = last + timedelta(days=rng.randint(15, 28))
        if index < len(quarters) - 1 and filed_on < timeline.as_of:
            await finance_service.file_vat_return(
                vat_return_id=vat_return.id, filing_reference=f"VAT-{last.year}-Q{(last.month - 1) // 3 + 1}-{rng.randint(100000, 999999)}",
                filed_at=timeline.moment(rng, filed_on),
            )

