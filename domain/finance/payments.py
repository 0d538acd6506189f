"""Payments received against invoices, and supplier invoices booked and paid."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.errors import DomainError
from domain.finance import events
from domain.finance.errors import FinanceErrorCode
from domain.finance.ledger import EntryInput, record_journal, system_account
from domain.finance.models import BankStatementLine, Invoice, InvoiceStatus, Payment, StatementLineStatus, SupplierInvoice, SupplierInvoiceStatus, SystemAccount
from domain.finance.totals import InvoiceTotals
from domain.money import Money, MoneyErrorCode, currency_code
from domain.operations import service as operations_service
from domain.outbox import record_event
from domain.validation import non_negative_decimal, optional_text, positive_decimal, required_text
from tenants.ownership import create_owned, scoped


def list_payments(*, invoice_id: uuid.UUID | None = None, customer_id: uuid.UUID | None = None) -> QuerySet[Payment]:
    """Payments, most recent first, optionally of one invoice or customer."""
    query = scoped(Payment)
    if invoice_id is not None:
        query = query.filter(invoice_id=invoice_id)
    if customer_id is not None:
        query = query.filter(customer_id=customer_id)
    return query.order_by("-paid_on", "-created_at")


async def record_payment(
    *,
    invoice_id: uuid.UUID,
    amount: Decimal,
    currency: str,
    paid_on: date | None = None,
    reference: str | None = None,
    recorded_by: str | None = None,
    statement_line: BankStatementLine | None = None,
) -> Payment:
    """Apply money received to an issued invoice, in the invoice's currency and up to its amount due;
    posts bank against receivable, records `finance.payment_recorded` and, once settled, `finance.invoice_paid`."""
    currency = currency_code(currency)
    amount = positive_decimal(amount, field="amount")
    async with in_transaction():
        invoice = await scoped(Invoice).select_for_update().get_or_none(id=invoice_id)
        if invoice is None:
            raise DomainError(FinanceErrorCode.NOT_FOUND, "invoice not found", field="invoice_id")
        if invoice.status is not InvoiceStatus.ISSUED:
            raise DomainError(FinanceErrorCode.INVOICE_NOT_ISSUED, f"the invoice is {invoice.status}", field="invoice_id")
        if currency != invoice.currency:
            raise DomainError(
                FinanceErrorCode.CURRENCY_MISMATCH, f"the invoice is in {invoice.currency}, the payment in {currency}", field="currency"
            )
        if Money(amount, currency) != Money(amount, currency).rounded():
            raise DomainError(MoneyErrorCode.INVALID_AMOUNT, f"{currency} amounts have {Money.zero(currency).minor_units} decimals", field="amount")
        if amount > invoice.amount_due:
            raise DomainError(FinanceErrorCode.OVERPAYMENT, f"{invoice.amount_due} {currency} is due, {amount} offered", field="amount")
        paid_on = paid_on or clock.today()
        journal = await record_journal(
            entry_date=paid_on,
            description=f"Payment for invoice {invoice.number}",
            currency=currency,
            entries=[
                EntryInput(account_id=(await system_account(role=SystemAccount.BANK)).id, debit=amount),
                EntryInput(account_id=(await system_account(role=SystemAccount.ACCOUNTS_RECEIVABLE)).id, credit=amount),
            ],
            source=f"invoice:{invoice.number}",
            posted_by=recorded_by,
        )
        payment = await create_owned(
            Payment,
            invoice=invoice,
            customer_id=invoice.customer_id,
            amount=amount,
            currency=currency,
            paid_on=paid_on,
            reference=optional_text(reference, field="reference", max_length=140),
            journal=journal,
        )
        invoice.amount_due -= amount
        if invoice.amount_due == 0:
            invoice.status = InvoiceStatus.PAID
        await invoice.save(update_fields=["amount_due", "status", "updated_at"])
        if statement_line is not None:
            statement_line.payment = payment
            statement_line.status = StatementLineStatus.MATCHED
            await statement_line.save(update_fields=["payment_id", "status", "updated_at"])
        await record_event(
            event_type=events.PAYMENT_RECORDED,
            payload=events.payment_recorded(payment, invoice),
            idempotency_key=f"{events.PAYMENT_RECORDED}:{payment.id}",
        )
        if invoice.status is InvoiceStatus.PAID:
            await record_event(
                event_type=events.INVOICE_PAID, payload=events.invoice_settled(invoice), idempotency_key=f"{events.INVOICE_PAID}:{invoice.id}"
            )
    return payment


async def outstanding_balance(*, invoice_id: uuid.UUID) -> Money:
    """What is still due on an invoice (zero for drafts, paid and void invoices)."""
    invoice = await scoped(Invoice).get_or_none(id=invoice_id)
    if invoice is None:
        raise DomainError(FinanceErrorCode.NOT_FOUND, "invoice not found", field="invoice_id")
    return Money(invoice.amount_due, invoice.currency)


# Supplier invoices


def list_supplier_invoices(*, supplier_id: uuid.UUID | None = None, status: SupplierInvoiceStatus | None = None) -> QuerySet[SupplierInvoice]:
    """Supplier invoices by due date, optionally of one supplier or status."""
    query = scoped(SupplierInvoice)
    if supplier_id is not None:
        query = query.filter(supplier_id=supplier_id)
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("due_date", "created_at")


async def record_supplier_invoice(
    *,
    supplier_id: uuid.UUID,
    supplier_reference: str,
    currency: str,
    net_amount: Decimal,
    tax_amount: Decimal,
    issue_date: date,
    due_date: date,
    purchase_order_id: uuid.UUID | None = None,
    recorded_by: str | None = None,
) -> SupplierInvoice:
    """Book a supplier's bill: expense and input VAT against a payable; records `finance.supplier_invoice_received`."""
    supplier = await operations_service.get_supplier_or_raise(supplier_id=supplier_id)
    order = await operations_service.get_purchase_order_or_raise(purchase_order_id=purchase_order_id) if purchase_order_id else None
    reference = required_text(supplier_reference, field="supplier_reference", max_length=64)
    currency = currency_code(currency)
    if order is not None and order.currency != currency:
        raise DomainError(FinanceErrorCode.CURRENCY_MISMATCH, f"the purchase order is in {order.currency}", field="currency")
    net = Money(positive_decimal(net_amount, field="net_amount"), currency).rounded()
    tax = Money(non_negative_decimal(tax_amount, field="tax_amount"), currency).rounded()
    totals = InvoiceTotals(subtotal=net, tax=tax, total=net + tax)
    if due_date < issue_date:
        raise DomainError(FinanceErrorCode.INVALID_DATES, "the due date is before the issue date", field="due_date")
    if await scoped(SupplierInvoice).filter(supplier_id=supplier.id, supplier_reference=reference).exists():
        raise DomainError(FinanceErrorCode.DUPLICATE, f"invoice {reference} of this supplier is already booked", field="supplier_reference")
    entries = [EntryInput(account_id=(await system_account(role=SystemAccount.EXPENSE)).id, debit=totals.subtotal.amount)]
    if not totals.tax.is_zero():
        entries.append(EntryInput(account_id=(await system_account(role=SystemAccount.VAT_INPUT)).id, debit=totals.tax.amount))
    entries.append(EntryInput(account_id=(await system_account(role=SystemAccount.ACCOUNTS_PAYABLE)).id, credit=totals.total.amount))
    async with in_transaction():
        journal = await record_journal(
            entry_date=issue_date,
            description=f"Supplier invoice {reference}",
            currency=currency,
            entries=entries,
            source=f"supplier_invoice:{reference}"[:80],
            posted_by=recorded_by,
        )
        invoice = await create_owned(
            SupplierInvoice,
            supplier=supplier,
            purchase_order=order,
            supplier_reference=reference,
            currency=currency,
            issue_date=issue_date,
            due_date=due_date,
            net_amount=totals.subtotal.amount,
            tax_amount=totals.tax.amount,
            total=totals.total.amount,
            journal=journal,
        )
        await record_event(
            event_type=events.SUPPLIER_INVOICE_RECEIVED,
            payload=events.supplier_invoice_received(invoice),
            idempotency_key=f"{events.SUPPLIER_INVOICE_RECEIVED}:{invoice.id}",
        )
    return invoice


async def pay_supplier_invoice(*, supplier_invoice_id: uuid.UUID, paid_on: date, paid_by: str | None = None) -> SupplierInvoice:
    """Settle a supplier invoice in full: the payable against the bank."""
    async with in_transaction():
        invoice = await scoped(SupplierInvoice).select_for_update().get_or_none(id=supplier_invoice_id)
        if invoice is None:
            raise DomainError(FinanceErrorCode.NOT_FOUND, "supplier invoice not found", field="supplier_invoice_id")
        if invoice.status is SupplierInvoiceStatus.PAID:
            raise DomainError(FinanceErrorCode.SUPPLIER_INVOICE_PAID, "the supplier invoice is already paid", field="supplier_invoice_id")
        journal = await record_journal(
            entry_date=paid_on,
            description=f"Payment of supplier invoice {invoice.supplier_reference}",
            currency=invoice.currency,
            entries=[
                EntryInput(account_id=(await system_account(role=SystemAccount.ACCOUNTS_PAYABLE)).id, debit=invoice.total),
                EntryInput(account_id=(await system_account(role=SystemAccount.BANK)).id, credit=invoice.total),
            ],
            source=f"supplier_invoice:{invoice.supplier_reference}"[:80],
            posted_by=paid_by,
        )
        invoice.status = SupplierInvoiceStatus.PAID
        invoice.payment_journal = journal
        await invoice.save(update_fields=["status", "payment_journal_id", "updated_at"])
    return invoice
