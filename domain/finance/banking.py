"""Bank statements: imported once, checked to balance, and reconciled against open invoices."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain.errors import DomainError
from domain.finance import events
from domain.finance.errors import FinanceErrorCode
from domain.finance.models import BankStatement, BankStatementLine, Invoice, InvoiceStatus, Payment, StatementLineStatus
from domain.finance.payments import record_payment
from domain.money import currency_code
from domain.outbox import record_event
from domain.validation import optional_text, required_text, stored_decimal
from tenants.ownership import create_owned, scoped


@dataclass(frozen=True)
class StatementLineInput:
    booked_on: date
    amount: Decimal  # positive: money in, negative: money out
    counterparty: str | None = None
    remittance: str | None = None


# What makes two bookings of one account the same booking: a day's download and a 30-day one both hold it.
LineKey = tuple[date, Decimal, str | None, str | None]  # booked_on, amount, counterparty, remittance


def _line_key(*, booked_on: date, amount: Decimal, counterparty: str | None, remittance: str | None) -> LineKey:
    return booked_on, amount, counterparty, remittance


async def _imported_line_keys(*, bank_account: str, first_day: date, last_day: date) -> Counter[LineKey]:
    """How many times each booking of the account between the two days (inclusive) is already imported."""
    rows = await scoped(BankStatementLine).filter(
        statement__bank_account=bank_account, booked_on__gte=first_day, booked_on__lte=last_day
    ).values_list("booked_on", "amount", "counterparty", "remittance")
    return Counter(
        _line_key(booked_on=booked_on, amount=amount, counterparty=counterparty, remittance=remittance)
        for booked_on, amount, counterparty, remittance in rows
    )


def list_bank_statements() -> QuerySet[BankStatement]:
    """Bank statements, newest first."""
    return scoped(BankStatement).order_by("-statement_date", "-created_at")


async def get_bank_statement_or_raise(*, bank_statement_id: uuid.UUID) -> BankStatement:
    """The bank statement with this id, or NOT_FOUND."""
    statement = await scoped(BankStatement).get_or_none(id=bank_statement_id)
    if statement is None:
        raise DomainError(FinanceErrorCode.NOT_FOUND, "bank statement not found", field="bank_statement_id")
    return statement


def statement_lines(*, bank_statement_id: uuid.UUID, status: StatementLineStatus | None = None) -> QuerySet[BankStatementLine]:
    """A statement's lines in order, optionally only matched or unmatched ones."""
    query = scoped(BankStatementLine).filter(statement_id=bank_statement_id)
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("position")


async def import_bank_statement(
    *,
    bank_account: str,
    reference: str,
    currency: str,
    statement_date: date,
    opening_balance: Decimal,
    closing_balance: Decimal,
    lines: Sequence[StatementLineInput],
) -> BankStatement:
    """Store a statement once per account and reference, refusing one whose lines do not lead from
    the opening to the closing balance; records `finance.bank_statement_imported`.

    A line the account already has from an overlapping statement (same day, amount, counterparty and
    remittance) is not stored again; identical bookings count, so two equal payments on one day are two lines.
    """
    bank_account = required_text(bank_account, field="bank_account", max_length=64)
    reference = required_text(reference, field="reference", max_length=64)
    currency = currency_code(currency)
    opening = stored_decimal(opening_balance, field="opening_balance")
    closing = stored_decimal(closing_balance, field="closing_balance")
    amounts = [stored_decimal(line.amount, field=f"lines.{index}.amount") for index, line in enumerate(lines)]
    keys = [
        _line_key(
            booked_on=line.booked_on,
            amount=amount,
            counterparty=optional_text(line.counterparty, field=f"lines.{index}.counterparty", max_length=200),
            remittance=optional_text(line.remittance, field=f"lines.{index}.remittance", max_length=200),
        )
        for index, (line, amount) in enumerate(zip(lines, amounts, strict=True))
    ]
    if opening + sum(amounts, Decimal(0)) != closing:
        raise DomainError(
            FinanceErrorCode.STATEMENT_UNBALANCED,
            f"opening {opening} plus the lines {sum(amounts, Decimal(0))} is not the closing balance {closing}",
            field="closing_balance",
        )
    if await scoped(BankStatement).filter(bank_account=bank_account, reference=reference).exists():
        raise DomainError(FinanceErrorCode.DUPLICATE, f"statement {reference} of this account is already imported", field="reference")
    async with in_transaction():
        imported = (
            await _imported_line_keys(bank_account=bank_account, first_day=min(key[0] for key in keys), last_day=max(key[0] for key in keys))
            if keys else Counter()
        )
        new_lines = []
        for key in keys:
            if imported[key]:
                imported[key] -= 1  # this booking came with an earlier statement
            else:
                new_lines.append(key)
        statement = await create_owned(
            BankStatement,
            bank_account=bank_account,
            reference=reference,
            currency=currency,
            statement_date=statement_date,
            opening_balance=opening,
            closing_balance=closing,
        )
        for position, (booked_on, amount, counterparty, remittance) in enumerate(new_lines, start=1):
            await create_owned(
                BankStatementLine,
                statement=statement,
                position=position,
                booked_on=booked_on,
                amount=amount,
                counterparty=counterparty,
                remittance=remittance,
            )
        await record_event(
            event_type=events.BANK_STATEMENT_IMPORTED,
            payload=events.bank_statement_imported(statement, line_count=len(new_lines), duplicate_line_count=len(keys) - len(new_lines)),
            idempotency_key=f"{events.BANK_STATEMENT_IMPORTED}:{statement.id}",
        )
    return statement


async def match_statement_line(*, statement_line_id: uuid.UUID, invoice_id: uuid.UUID, matched_by: str | None = None) -> Payment:
    """Record an incoming statement line as a payment of an invoice (same currency, up to the amount due)."""
    async with in_transaction():
        line = await scoped(BankStatementLine).select_for_update().get_or_none(id=statement_line_id)
        if line is None:
            raise DomainError(FinanceErrorCode.NOT_FOUND, "statement line not found", field="statement_line_id")
        if line.status is StatementLineStatus.MATCHED:
            raise DomainError(FinanceErrorCode.LINE_ALREADY_MATCHED, "the line is already matched", field="statement_line_id")
        if line.amount <= 0:
            raise DomainError(FinanceErrorCode.NOT_A_RECEIPT, "only money received pays an invoice", field="statement_line_id")
        statement = await get_bank_statement_or_raise(bank_statement_id=line.statement_id)
        return await record_payment(
            invoice_id=invoice_id,
            amount=line.amount,
            currency=statement.currency,
            paid_on=line.booked_on,
            reference=line.remittance,
            recorded_by=matched_by,
            statement_line=line,
        )


async def reconcile_bank_statement(*, bank_statement_id: uuid.UUID, matched_by: str | None = None) -> list[Payment]:
    """Match each unmatched incoming line whose remittance names an open invoice of the statement's
    currency and does not exceed its amount due. Returns the payments made."""
    statement = await get_bank_statement_or_raise(bank_statement_id=bank_statement_id)
    open_invoices = await scoped(Invoice).filter(status=InvoiceStatus.ISSUED, currency=statement.currency)
    payments = []
    async with in_transaction():
        for line in await statement_lines(bank_statement_id=statement.id, status=StatementLineStatus.UNMATCHED):
            remittance = line.remittance or ""
            candidates = [
                invoice
                for invoice in open_invoices
                if re.search(rf"(?<![\w-]){re.escape(invoice.number)}(?![\w-])", remittance, re.IGNORECASE)
                and 0 < line.amount <= invoice.amount_due
            ]
            if len(candidates) != 1:
                continue  # nothing or more than one fits: leave it for a person
            payment = await match_statement_line(statement_line_id=line.id, invoice_id=candidates[0].id, matched_by=matched_by)
            candidates[0].amount_due -= payment.amount
            payments.append(payment)
    return payments
