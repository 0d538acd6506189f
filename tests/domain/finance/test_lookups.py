"""Finance batch reads: the lines and entries of many invoices, journals and statements in one query, only of the current tenant."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.crm import service as crm
from domain.finance import lookups
from domain.finance import service as finance
from tenants.context import tenant_transaction


async def _issued(name: str, *amounts: str):
    customer = await crm.create_customer(name=name)
    lines = [finance.InvoiceLineInput(description=f"Line {amount}", quantity=Decimal(1), unit_price=Decimal(amount)) for amount in amounts]
    invoice = await finance.create_invoice(customer_id=customer.id, currency="EUR", lines=lines)
    return await finance.issue_invoice(invoice_id=invoice.id, issue_date=date(2024, 1, 1))


async def test_lines_and_entries_of_many_documents_come_back_with_their_parent(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        foreign = await _issued("Foreign", "5")
    async with tenant_transaction(tenant.id):
        first, second = await _issued("First", "10", "20"), await _issued("Second", "30")
        statement = await finance.import_bank_statement(
            bank_account="ACC", reference="S1", currency="EUR", statement_date=date(2024, 1, 31), opening_balance=Decimal(0),
            closing_balance=Decimal(5), lines=[finance.StatementLineInput(booked_on=date(2024, 1, 2), amount=Decimal(5))],
        )

        lines = await lookups.lines_of_invoices(invoice_ids=[first.id, second.id, foreign.id])
        entries = await lookups.entries_of_journals(journal_ids=[first.journal_id, foreign.journal_id])
        statement_lines = await lookups.lines_of_statements(bank_statement_ids=[statement.id])

    assert [(line.invoice_id, line.unit_price) for line in lines if line.invoice_id == first.id] == [(first.id, Decimal(10)), (first.id, Decimal(20))]
    assert {line.invoice_id for line in lines} == {first.id, second.id}
    assert all(line.invoice.currency == "EUR" for line in lines)
    assert {entry.journal_id for entry in entries} == {first.journal_id} and [entry.position for entry in entries] == [1, 2]
    assert [(line.statement.currency, line.amount) for line in statement_lines] == [("EUR", Decimal(5))]
