"""Finance batch reads: the lines or entries of many invoices, journals or bank statements in one
query (what the graph's DataLoaders call)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from tortoise.queryset import QuerySet

from domain.finance.models import BankStatementLine, InvoiceLine, JournalEntry
from tenants.ownership import scoped


def lines_of_invoices(*, invoice_ids: Sequence[uuid.UUID] | None = None) -> QuerySet[InvoiceLine]:
    """Invoice lines with their invoice (its currency prices them), each invoice's in order, optionally of some invoices."""
    query = scoped(InvoiceLine).select_related("invoice")
    if invoice_ids is not None:
        query = query.filter(invoice_id__in=list(invoice_ids))
    return query.order_by("position", "id")


def entries_of_journals(*, journal_ids: Sequence[uuid.UUID] | None = None) -> QuerySet[JournalEntry]:
    """Journal entries with their journal (its currency), each journal's in order, optionally of some journals."""
    query = scoped(JournalEntry).select_related("journal")
    if journal_ids is not None:
        query = query.filter(journal_id__in=list(journal_ids))
    return query.order_by("position", "id")


def lines_of_statements(*, bank_statement_ids: Sequence[uuid.UUID] | None = None) -> QuerySet[BankStatementLine]:
    """Bank statement lines with their statement (its currency), each statement's in order, optionally of some statements."""
    query = scoped(BankStatementLine).select_related("statement")
    if bank_statement_ids is not None:
        query = query.filter(statement_id__in=list(bank_statement_ids))
    return query.order_by("position", "id")
