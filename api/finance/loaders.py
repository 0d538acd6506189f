"""Finance DataLoaders: a page of invoices, journals or statements loads its lines, entries and payments in one query each."""

from __future__ import annotations

import uuid

from api.context import Info
from api.loaders import by_id, grouped, loader_for
from domain.finance import lookups as finance_lookups
from domain.finance import service as finance_service
from domain.finance.models import Account, BankStatementLine, Invoice, InvoiceLine, Journal, JournalEntry, Payment


def invoice_by_id(info: Info):
    async def batch(invoice_ids: list[uuid.UUID]) -> list[Invoice | None]:
        return by_id(await finance_service.get_invoices(invoice_ids=invoice_ids), invoice_ids)

    return loader_for(info, "finance.invoice_by_id", batch)


def account_by_id(info: Info):
    async def batch(account_ids: list[uuid.UUID]) -> list[Account | None]:
        return by_id(await finance_service.list_accounts().filter(id__in=account_ids), account_ids)

    return loader_for(info, "finance.account_by_id", batch)


def journal_by_id(info: Info):
    async def batch(journal_ids: list[uuid.UUID]) -> list[Journal | None]:
        return by_id(await finance_service.list_journals().filter(id__in=journal_ids), journal_ids)

    return loader_for(info, "finance.journal_by_id", batch)


def payment_by_id(info: Info):
    async def batch(payment_ids: list[uuid.UUID]) -> list[Payment | None]:
        return by_id(await finance_service.list_payments().filter(id__in=payment_ids), payment_ids)

    return loader_for(info, "finance.payment_by_id", batch)


def reversal_by_journal(info: Info):
    async def batch(journal_ids: list[uuid.UUID]) -> list[Journal | None]:
        rows = await finance_service.list_journals().filter(reversal_of_id__in=journal_ids)
        found = {row.reversal_of_id: row for row in rows}
        return [found.get(journal_id) for journal_id in journal_ids]

    return loader_for(info, "finance.reversal_by_journal", batch)


def lines_by_invoice(info: Info):
    async def batch(invoice_ids: list[uuid.UUID]) -> list[list[InvoiceLine]]:
        rows = await finance_lookups.lines_of_invoices(invoice_ids=invoice_ids)
        return grouped(rows, invoice_ids, lambda row: row.invoice_id)

    return loader_for(info, "finance.lines_by_invoice", batch)


def payments_by_invoice(info: Info):
    async def batch(invoice_ids: list[uuid.UUID]) -> list[list[Payment]]:
        rows = await finance_service.list_payments().filter(invoice_id__in=invoice_ids)
        return grouped(rows, invoice_ids, lambda row: row.invoice_id)

    return loader_for(info, "finance.payments_by_invoice", batch)


def entries_by_journal(info: Info):
    async def batch(journal_ids: list[uuid.UUID]) -> list[list[JournalEntry]]:
        rows = await finance_lookups.entries_of_journals(journal_ids=journal_ids)
        return grouped(rows, journal_ids, lambda row: row.journal_id)

    return loader_for(info, "finance.entries_by_journal", batch)


def lines_by_statement(info: Info):
    async def batch(statement_ids: list[uuid.UUID]) -> list[list[BankStatementLine]]:
        rows = await finance_lookups.lines_of_statements(bank_statement_ids=statement_ids)
        return grouped(rows, statement_ids, lambda row: row.statement_id)

    return loader_for(info, "finance.lines_by_statement", batch)
