"""Attack-suite factories for the finance area's Node types."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from domain.crm import service as crm_service
from domain.finance import lookups as finance_lookups
from domain.finance import service as finance_service
from domain.finance.models import AccountType
from domain.operations import service as operations_service


async def _issued_invoice(marker: str, label: str):
    customer = await crm_service.create_customer(name=f"{marker} {label} customer")
    lines = [finance_service.InvoiceLineInput(description=f"{marker} {label}", quantity=Decimal(2), unit_price=Decimal("50"), tax_rate=Decimal("0.2"))]
    invoice = await finance_service.create_invoice(customer_id=customer.id, currency="EUR", lines=lines)
    return await finance_service.issue_invoice(invoice_id=invoice.id, issue_date=date(2024, 1, 10), due_date=date(2024, 2, 9))


async def _statement(marker: str, label: str):
    invoice = await _issued_invoice(marker, label)
    lines = [finance_service.StatementLineInput(booked_on=date(2024, 1, 20), amount=Decimal("120"), counterparty=marker, remittance=f"{invoice.number} {marker}")]
    statement = await finance_service.import_bank_statement(
        bank_account=f"{marker}-{label}", reference=f"{marker}-{label}", currency="EUR", statement_date=date(2024, 1, 31),
        opening_balance=Decimal(0), closing_balance=Decimal("120"), lines=lines,
    )
    await finance_service.reconcile_bank_statement(bank_statement_id=statement.id)
    return statement


async def invoice(marker: str) -> uuid.UUID:
    return (await _issued_invoice(marker, "Invoice")).id


async def invoice_line(marker: str) -> uuid.UUID:
    issued = await _issued_invoice(marker, "InvoiceLine")
    [line] = await finance_service.invoice_lines(invoice_id=issued.id)
    return line.id


async def payment(marker: str) -> uuid.UUID:
    issued = await _issued_invoice(marker, "Payment")
    return (await finance_service.record_payment(invoice_id=issued.id, amount=Decimal("20"), currency="EUR", reference=marker)).id


async def account(marker: str) -> uuid.UUID:
    return (await finance_service.create_account(code=f"9{uuid.uuid4().hex[:6]}", name=f"{marker} Account", type=AccountType.EXPENSE)).id


async def journal(marker: str) -> uuid.UUID:
    return (await _issued_invoice(marker, "Journal")).journal_id


async def journal_entry(marker: str) -> uuid.UUID:
    issued = await _issued_invoice(marker, "JournalEntry")
    entries = await finance_service.journal_entries(journal_id=issued.journal_id)
    return entries[0].id


async def bank_statement(marker: str) -> uuid.UUID:
    return (await _statement(marker, "Statement")).id


async def bank_statement_line(marker: str) -> uuid.UUID:
    statement = await _statement(marker, "StatementLine")
    [line] = await finance_lookups.lines_of_statements(bank_statement_ids=[statement.id])
    return line.id


async def vat_return(marker: str) -> uuid.UUID:
    await _issued_invoice(marker, "Vat")
    return (await finance_service.prepare_vat_return(period_start=date(2024, 1, 1), period_end=date(2024, 3, 31), currency="EUR")).id


async def supplier_invoice(marker: str) -> uuid.UUID:
    supplier = await operations_service.create_supplier(name=f"{marker} Billing supplier")
    booked = await finance_service.record_supplier_invoice(
        supplier_id=supplier.id, supplier_reference=f"{marker}-BILL", currency="EUR", net_amount=Decimal("100"), tax_amount=Decimal("20"),
        issue_date=date(2024, 1, 5), due_date=date(2024, 2, 4),
    )
    return booked.id


FACTORIES = {
    "Invoice": invoice,
    "InvoiceLine": invoice_line,
    "Payment": payment,
    "Account": account,
    "Journal": journal,
    "JournalEntry": journal_entry,
    "BankStatement": bank_statement,
    "BankStatementLine": bank_statement_line,
    "VatReturn": vat_return,
    "SupplierInvoice": supplier_invoice,
}
