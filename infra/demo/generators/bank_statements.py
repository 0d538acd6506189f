"""The bank account's monthly statements: every receipt and payment of the year as a statement line;
receipts matched to their invoices, except in the last week's statement, which waits to be reconciled."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from domain.finance import service as finance_service
from infra.demo.generators.timeline import Timeline, month_end

MATCHED_BY = "finance@demo"
UNRECONCILED_DAYS = 7


@dataclass(frozen=True)
class BankLine:
    booked_on: date
    amount: Decimal  # positive: money in
    counterparty: str
    remittance: str
    invoice_id: uuid.UUID | None = None  # a customer's payment of this invoice


def statement_periods(timeline: Timeline) -> list[tuple[date, date, bool]]:
    """(first day, last day, reconciled) of each statement: calendar months up to a week ago, then that week."""
    cutoff = timeline.as_of - timedelta(days=UNRECONCILED_DAYS)
    periods = []
    for month in timeline.months():
        first, last = max(month, timeline.start), min(month_end(month), cutoff - timedelta(days=1))
        if first <= last:
            periods.append((first, last, True))
    periods.append((cutoff, timeline.yesterday, False))
    return periods


async def import_statements(
    *, timeline: Timeline, currency: str, bank_account: str, opening_balance: Decimal, lines: list[BankLine], advance: Callable[[int], None]
) -> None:
    """Import one statement per period with the lines booked in it, balances chained from `opening_balance`,
    and match each reconciled receipt to its invoice (which records the payment)."""
    balance = opening_balance
    for first, last, reconciled in statement_periods(timeline):
        booked = sorted((line for line in lines if first <= line.booked_on <= last), key=lambda line: line.booked_on)
        if not booked:
            continue
        closing = balance + sum((line.amount for line in booked), Decimal(0))
        statement = await finance_service.import_bank_statement(
            bank_account=bank_account, reference=f"ST-{first:%Y%m%d}-{last:%Y%m%d}", currency=currency, statement_date=last,
            opening_balance=balance, closing_balance=closing,
            lines=[
                finance_service.StatementLineInput(booked_on=line.booked_on, amount=line.amount, counterparty=line.counterparty, remittance=line.remittance)
                for line in booked
            ],
        )
        if reconciled:
            stored = await finance_service.statement_lines(bank_statement_id=statement.id)
            for stored_line, line in zip(stored, booked, strict=True):
                if line.invoice_id is not None:
                    await finance_service.match_statement_line(statement_line_id=stored_line.id, invoice_id=line.invoice_id, matched_by=MATCHED_BY)
                    advance(1)
        balance = closing
