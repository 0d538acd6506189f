"""Believable, deterministic bank data per tenant: three accounts and six months of statement lines.

Customer receipts carry invoice references like `INV-2026-000123`, so invoice matching can be
built against this data later.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

from infra.portals.bank.iban import make_iban
from infra.portals.bank.models import BankAccount, BankCustomer

BANK_CODE = "HANS"
STATEMENT_DAYS = 182
CURRENT_ACCOUNT_LINES = 120

CUSTOMERS = (
    "Northwind Traders", "Contoso Retail", "Fabrikam Industries", "Tailspin Toys", "Wide World Importers",
    "Adventure Works", "Litware Inc", "Proseware GmbH", "Woodgrove Stores", "Fourth Coffee",
)  # fmt: skip
SUPPLIERS = (
    "Meridian Industrial Supply", "Blue Yonder Logistics", "City Power and Light", "Alpine Office Supplies",
    "Northern Telecom", "Graphic Design Institute", "Lucerne Publishing", "Trey Research",
)  # fmt: skip
CARD_MERCHANTS = ("SHELL STATION 0412", "ALBERT HEIJN 1187", "NS INTERNATIONAL", "AMAZON EU SARL", "HOTEL CENTRAAL")


def seed_customer(tenant_slug: str, *, seed: int, today: date) -> BankCustomer:
    rng = random.Random(f"{seed}/bank/{tenant_slug}")
    start = today - timedelta(days=STATEMENT_DAYS)
    current = _account(rng, "Business current account", "EUR", opening=rng.randrange(40_000, 90_000))
    savings = _account(rng, "Business savings account", "EUR", opening=rng.randrange(100_000, 250_000))
    dollars = _account(rng, "Foreign currency account", "USD", opening=rng.randrange(5_000, 20_000))
    invoice_numbers = iter(range(rng.randrange(100, 400), 1_000_000))

    current_entries = _monthly_entries(rng, start, today)
    savings_entries = [
        (day, "TRANSFER FROM CURRENT ACCOUNT", reference, -amount)
        for day, description, reference, amount in current_entries
        if reference.startswith("SAV-")
    ]
    for _ in range(CURRENT_ACCOUNT_LINES - len(current_entries)):
        current_entries.append(_everyday_entry(rng, start, invoice_numbers))
    for month_start in _month_starts(start, today):
        quarter_end = month_start - timedelta(days=1)
        if quarter_end.month % 3 == 0 and quarter_end >= start:
            interest = Decimal(rng.randrange(5_000, 40_000)) / 100
            savings_entries.append((month_start, "CREDIT INTEREST", f"INT-{quarter_end:%Y}-Q{quarter_end.month // 3}", interest))
    dollar_entries = [
        _everyday_entry(rng, start, invoice_numbers, receipts_only=True) for _ in range(12)
    ] + [
        (_day_between(rng, start, today), "SEPA TRANSFER TRANSATLANTIC FREIGHT INC", f"TF-{rng.randrange(10_000, 99_999)}", -_money(rng, 2_000, 12_000))
        for _ in range(8)
    ]  # fmt: skip

    for account, entries in ((current, current_entries), (savings, savings_entries), (dollars, dollar_entries)):
        # Python's sort is stable, so same-day lines keep the order they were generated in.
        for booked_on, description, reference, amount in sorted(entries, key=lambda entry: entry[0]):
            account.book(booked_on=booked_on, description=description, reference=reference, amount=amount)
    return BankCustomer(tenant_slug=tenant_slug, accounts={a.iban: a for a in (current, savings, dollars)})


def beneficiary_iban(name: str) -> str:
    """A fixed, valid IBAN for a named beneficiary, handy for demo payments."""
    digits = str(int.from_bytes(name.encode(), "big") % 10**10).zfill(10)
    return make_iban("NL", f"ABNA{digits}")


Entry = tuple[date, str, str, Decimal]


def _account(rng: random.Random, name: str, currency: str, *, opening: int) -> BankAccount:
    iban = make_iban("NL", f"{BANK_CODE}{rng.randrange(10**9, 10**10):010d}")
    return BankAccount(iban=iban, name=name, currency=currency, opening_balance=Decimal(opening))


def _monthly_entries(rng: random.Random, start: date, today: date) -> list[Entry]:
    """Rent, two salary batches, the savings transfer and the bank fee, for each month in range."""
    entries: list[Entry] = []
    rent = _money(rng, 3_000, 6_000)
    for month_start in _month_starts(start, today):
        tag = f"{month_start:%Y-%m}"
        candidates = [
            (month_start, "SEPA TRANSFER VASTGOED BEHEER BV", f"RENT-{tag}", -rent),
            (month_start.replace(day=24), "SALARY BATCH 1 OF 2", f"PAYROLL-{tag}-1", -_money(rng, 12_000, 26_000)),
            (month_start.replace(day=25), "SALARY BATCH 2 OF 2", f"PAYROLL-{tag}-2", -_money(rng, 8_000, 18_000)),
            (month_start.replace(day=15), "TRANSFER TO SAVINGS ACCOUNT", f"SAV-{tag}", -Decimal(rng.choice([2_500, 5_000, 7_500]))),
            (month_start.replace(day=28), "ACCOUNT MAINTENANCE FEE", f"FEE-{tag}", -Decimal("12.50")),
        ]  # fmt: skip
        entries.extend(entry for entry in candidates if start <= entry[0] < today)
    return entries


def _everyday_entry(
    rng: random.Random, start: date, invoice_numbers: Iterator[int], *, receipts_only: bool = False
) -> Entry:
    day = _day_between(rng, start, start + timedelta(days=STATEMENT_DAYS))
    roll = 0.0 if receipts_only else rng.random()
    if roll < 0.5:
        customer = rng.choice(CUSTOMERS)
        reference = f"INV-{day.year}-{next(invoice_numbers):06d}"
        return day, f"SEPA CREDIT TRANSFER {customer.upper()}", reference, _money(rng, 500, 20_000)
    if roll < 0.9:
        supplier = rng.choice(SUPPLIERS)
        reference = f"SI-{day.year}-{rng.randrange(1_000, 99_999):05d}"
        return day, f"SEPA TRANSFER {supplier.upper()}", reference, -_money(rng, 200, 9_000)
    merchant = rng.choice(CARD_MERCHANTS)
    return day, f"CARD PAYMENT {merchant}", f"CARD-{rng.randrange(100_000, 999_999)}", -_money(rng, 10, 400)


def _month_starts(start: date, today: date) -> list[date]:
    months, day = [], start.replace(day=1)
    while day < today:
        months.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return months


def _day_between(rng: random.Random, start: date, end: date) -> date:
    """A day in [start, end), skipping weekends as a bank's booking dates do."""
    while True:
        day = start + timedelta(days=rng.randrange((end - start).days))
        if day.weekday() < 5:
            return day


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randrange(low * 100, high * 100)) / 100
