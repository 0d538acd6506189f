"""Customer invoices: drafted with lines, issued into the ledger, voided by reversal."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.crm import service as crm_service
from domain.errors import DomainError
from domain.finance import events
from domain.finance.errors import FinanceErrorCode
from domain.finance.ledger import EntryInput, record_journal, reverse_journal, system_account
from domain.finance.models import Invoice, InvoiceLine, InvoiceStatus, Payment, SystemAccount
from domain.finance.totals import invoice_totals, line_net
from domain.money import Money, currency_code
from domain.outbox import record_event
from domain.sales import service as sales_service
from domain.sequences.service import next_number
from domain.validation import non_negative_decimal, positive_decimal, required_text
from tenants.ownership import create_owned, scoped

DEFAULT_PAYMENT_TERMS_DAYS = 30
MAX_TAX_RATE = Decimal(1)


@dataclass(frozen=True)
class InvoiceLineInput:
    description: str
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal = Decimal(0)  # a fraction: 0.2 is 20 percent


def list_invoices(*, customer_id: uuid.UUID | None = None, status: InvoiceStatus | None = None) -> QuerySet[Invoice]:
    """Invoices, newest first, optionally of one customer or status."""
    query = scoped(Invoice)
    if customer_id is not None:
        query = query.filter(customer_id=customer_id)
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("-created_at", "-id")


async def get_invoice_or_raise(*, invoice_id: uuid.UUID, field: str = "invoice_id") -> Invoice:
    """The invoice with this id, or NOT_FOUND naming `field`."""
    invoice = await scoped(Invoice).get_or_none(id=invoice_id)
    if invoice is None:
        raise DomainError(FinanceErrorCode.NOT_FOUND, "invoice not found", field=field)
    return invoice


async def get_invoices(*, invoice_ids: Sequence[uuid.UUID]) -> list[Invoice]:
    """The invoices among these ids that belong to the current tenant."""
    return await scoped(Invoice).filter(id__in=list(invoice_ids))


def invoice_lines(*, invoice_id: uuid.UUID) -> QuerySet[InvoiceLine]:
    """An invoice's lines in order."""
    return scoped(InvoiceLine).filter(invoice_id=invoice_id).order_by("position")


@dataclass(frozen=True)
class _CheckedLine:
    description: str
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal
    net: Money


def _checked_lines(lines: Sequence[InvoiceLineInput], currency: str, *, first_index: int = 0) -> list[_CheckedLine]:
    checked = []
    for offset, line in enumerate(lines):
        index = first_index + offset
        quantity = positive_decimal(line.quantity, field=f"lines.{index}.quantity")
        unit_price = non_negative_decimal(line.unit_price, field=f"lines.{index}.unit_price")
        rate = non_negative_decimal(line.tax_rate, field=f"lines.{index}.tax_rate")
        if rate > MAX_TAX_RATE:
            raise DomainError(FinanceErrorCode.INVALID_TAX_RATE, "tax_rate is a fraction between 0 and 1", field=f"lines.{index}.tax_rate")
        checked.append(
            _CheckedLine(
                description=required_text(line.description, field=f"lines.{index}.description", max_length=200),
                quantity=quantity,
                unit_price=unit_price,
                tax_rate=rate,
                net=line_net(quantity=quantity, unit_price=unit_price, currency=currency),
            )
        )
    return checked


async def _add_lines(invoice: Invoice, checked: list[_CheckedLine], *, first_position: int) -> None:
    for position, line in enumerate(checked, start=first_position):
        await create_owned(
            InvoiceLine,
            invoice=invoice,
            position=position,
            description=line.description,
            quantity=line.quantity,
            unit_price=line.unit_price,
            tax_rate=line.tax_rate,
            net_amount=line.net.amount,
        )


async def _refresh_totals(invoice: Invoice) -> None:
    lines = await invoice_lines(invoice_id=invoice.id)
    totals = invoice_totals(((Money(line.net_amount, invoice.currency), line.tax_rate) for line in lines), currency=invoice.currency)
    invoice.subtotal, invoice.tax_total, invoice.total = totals.subtotal.amount, totals.tax.amount, totals.total.amount
    await invoice.save(update_fields=["subtotal", "tax_total", "total", "updated_at"])


async def create_invoice(
    *,
    customer_id: uuid.UUID,
    currency: str,
    lines: Sequence[InvoiceLineInput],
    due_date: date | None = None,
    sales_order_id: uuid.UUID | None = None,
) -> Invoice:
    """Draft an invoice for a customer; total = sum of rounded lines + tax rounded per currency."""
    customer = await crm_service.get_customer_or_raise(customer_id=customer_id)
    sales_order = await sales_service.get_sales_order_or_raise(sales_order_id=sales_order_id) if sales_order_id else None
    currency = currency_code(currency)
    if not lines:
        raise DomainError(FinanceErrorCode.LINES_REQUIRED, "an invoice needs at least one line", field="lines")
    checked = _checked_lines(lines, currency)
    async with in_transaction():
        invoice = await create_owned(
            Invoice,
            number=await next_number(model=Invoice, prefix="INV-"),
            customer=customer,
            sales_order=sales_order,
            currency=currency,
            due_date=due_date,
        )
        await _add_lines(invoice, checked, first_position=1)
        await _refresh_totals(invoice)
    return invoice


async def create_invoice_from_sales_order(*, sales_order_id: uuid.UUID, tax_rate: Decimal = Decimal(0)) -> Invoice:
    """Draft an invoice with a sales order's lines, all at `tax_rate`."""
    order = await sales_service.get_sales_order_or_raise(sales_order_id=sales_order_id)
    if order.status is sales_service.SalesOrderStatus.CANCELLED:
        raise DomainError(FinanceErrorCode.ORDER_NOT_INVOICEABLE, "the order is cancelled", field="sales_order_id")
    lines = [
        InvoiceLineInput(description=line.description, quantity=line.quantity, unit_price=line.unit_price, tax_rate=tax_rate)
        for line in await sales_service.sales_order_lines(sales_order_id=order.id)
    ]
    return await create_invoice(customer_id=order.customer_id, currency=order.currency, lines=lines, sales_order_id=order.id)


async def _locked_invoice(invoice_id: uuid.UUID) -> Invoice:
    invoice = await scoped(Invoice).select_for_update().get_or_none(id=invoice_id)
    if invoice is None:
        raise DomainError(FinanceErrorCode.NOT_FOUND, "invoice not found", field="invoice_id")
    return invoice


async def add_invoice_lines(*, invoice_id: uuid.UUID, lines: Sequence[InvoiceLineInput]) -> Invoice:
    """Append lines to a draft invoice and recompute its totals."""
    async with in_transaction():
        invoice = await _locked_invoice(invoice_id)
        if invoice.status is not InvoiceStatus.DRAFT:
            raise DomainError(FinanceErrorCode.INVOICE_NOT_DRAFT, f"the invoice is {invoice.status}", field="invoice_id")
        existing = await invoice_lines(invoice_id=invoice.id).count()
        await _add_lines(invoice, _checked_lines(lines, invoice.currency, first_index=existing), first_position=existing + 1)
        await _refresh_totals(invoice)
    return invoice


async def issue_invoice(
    *, invoice_id: uuid.UUID, issue_date: date | None = None, due_date: date | None = None, issued_by: str | None = None
) -> Invoice:
    """Issue a draft invoice: post receivable, revenue and output VAT, and record `finance.invoice_issued`."""
    async with in_transaction():
        invoice = await _locked_invoice(invoice_id)
        if invoice.status is not InvoiceStatus.DRAFT:
            raise DomainError(FinanceErrorCode.INVOICE_NOT_DRAFT, f"the invoice is already {invoice.status}", field="invoice_id")
        issue_date = issue_date or clock.today()
        due_date = due_date or invoice.due_date or issue_date + timedelta(days=DEFAULT_PAYMENT_TERMS_DAYS)
        if due_date < issue_date:
            raise DomainError(FinanceErrorCode.INVALID_DATES, "the due date is before the issue date", field="due_date")
        if invoice.total <= 0:
            raise DomainError(FinanceErrorCode.ZERO_TOTAL, "an invoice totalling zero cannot be issued", field="invoice_id")
        entries = [
            EntryInput(account_id=(await system_account(role=SystemAccount.ACCOUNTS_RECEIVABLE)).id, debit=invoice.total),
            EntryInput(account_id=(await system_account(role=SystemAccount.REVENUE)).id, credit=invoice.subtotal),
        ]
        if invoice.tax_total > 0:
            entries.append(EntryInput(account_id=(await system_account(role=SystemAccount.VAT_OUTPUT)).id, credit=invoice.tax_total))
        journal = await record_journal(
            entry_date=issue_date,
            description=f"Invoice {invoice.number}",
            currency=invoice.currency,
            entries=entries,
            source=f"invoice:{invoice.number}",
            posted_by=issued_by,
        )
        invoice.status = InvoiceStatus.ISSUED
        invoice.issue_date, invoice.due_date = issue_date, due_date
        invoice.amount_due = invoice.total
        invoice.journal = journal
        await invoice.save(update_fields=["status", "issue_date", "due_date", "amount_due", "journal_id", "updated_at"])
        await record_event(
            event_type=events.INVOICE_ISSUED, payload=events.invoice_issued(invoice), idempotency_key=f"{events.INVOICE_ISSUED}:{invoice.id}"
        )
    return invoice


async def void_invoice(*, invoice_id: uuid.UUID, reason: str, on: date | None = None, voided_by: str | None = None) -> Invoice:
    """Void a draft, or an issued invoice without payments (its ledger posting is reversed)."""
    reason = required_text(reason, field="reason", max_length=200)
    async with in_transaction():
        invoice = await _locked_invoice(invoice_id)
        if invoice.status in (InvoiceStatus.VOID, InvoiceStatus.PAID):
            raise DomainError(FinanceErrorCode.INVOICE_NOT_ISSUED, f"the invoice is {invoice.status}", field="invoice_id")
        if await scoped(Payment).filter(invoice_id=invoice.id).exists():
            raise DomainError(FinanceErrorCode.INVOICE_HAS_PAYMENTS, "an invoice with payments cannot be voided", field="invoice_id")
        if invoice.journal_id is not None:
            await reverse_journal(journal_id=invoice.journal_id, entry_date=on or clock.today(), reason=f"void {invoice.number}", posted_by=voided_by)
        invoice.status = InvoiceStatus.VOID
        invoice.amount_due = Decimal(0)
        invoice.voided_at = clock.now()
        invoice.void_reason = reason
        await invoice.save(update_fields=["status", "amount_due", "voided_at", "void_reason", "updated_at"])
        await record_event(
            event_type=events.INVOICE_VOIDED, payload=events.invoice_settled(invoice), idempotency_key=f"{events.INVOICE_VOIDED}:{invoice.id}"
        )
    return invoice
