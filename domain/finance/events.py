"""Finance domain events."""

from __future__ import annotations

from typing import Any

from domain.finance.models import BankStatement, Invoice, Payment, SupplierInvoice
from domain.outbox.payloads import payload

INVOICE_ISSUED = "finance.invoice_issued"
INVOICE_PAID = "finance.invoice_paid"
INVOICE_VOIDED = "finance.invoice_voided"
PAYMENT_RECORDED = "finance.payment_recorded"
SUPPLIER_INVOICE_RECEIVED = "finance.supplier_invoice_received"
BANK_STATEMENT_IMPORTED = "finance.bank_statement_imported"
INVOICE_OVERDUE = "finance.invoice_overdue"  # recorded once per invoice by the daily check
SUPPLIER_INVOICE_MATCHED = "finance.supplier_invoice_matched"  # the three-way match, matched or not


def invoice_issued(invoice: Invoice) -> dict[str, Any]:
    return payload(
        invoice_id=invoice.id,
        number=invoice.number,
        customer_id=invoice.customer_id,
        sales_order_id=invoice.sales_order_id,
        currency=invoice.currency,
        subtotal=invoice.subtotal,
        tax_total=invoice.tax_total,
        total=invoice.total,
        issue_date=invoice.issue_date,
        due_date=invoice.due_date,
    )


def invoice_settled(invoice: Invoice) -> dict[str, Any]:
    return payload(
        invoice_id=invoice.id,
        number=invoice.number,
        customer_id=invoice.customer_id,
        status=invoice.status,
        currency=invoice.currency,
        total=invoice.total,
    )


def payment_recorded(payment: Payment, invoice: Invoice) -> dict[str, Any]:
    return payload(
        payment_id=payment.id,
        invoice_id=invoice.id,
        customer_id=invoice.customer_id,
        amount=payment.amount,
        currency=payment.currency,
        paid_on=payment.paid_on,
        amount_due=invoice.amount_due,
    )


def supplier_invoice_received(invoice: SupplierInvoice) -> dict[str, Any]:
    return payload(
        supplier_invoice_id=invoice.id,
        supplier_id=invoice.supplier_id,
        purchase_order_id=invoice.purchase_order_id,
        supplier_reference=invoice.supplier_reference,
        currency=invoice.currency,
        total=invoice.total,
        due_date=invoice.due_date,
    )


def bank_statement_imported(statement: BankStatement, *, line_count: int, duplicate_line_count: int) -> dict[str, Any]:
    return payload(
        bank_statement_id=statement.id,
        reference=statement.reference,
        currency=statement.currency,
        statement_date=statement.statement_date,
        closing_balance=statement.closing_balance,
        line_count=line_count,  # the lines stored, those an earlier statement brought left out
        duplicate_line_count=duplicate_line_count,
    )


def invoice_overdue(invoice: Invoice, *, days_overdue: int) -> dict[str, Any]:
    return payload(
        invoice_id=invoice.id,
        number=invoice.number,
        customer_id=invoice.customer_id,
        currency=invoice.currency,
        amount_due=invoice.amount_due,
        due_date=invoice.due_date,
        days_overdue=days_overdue,
    )


def supplier_invoice_matched(
    invoice: SupplierInvoice, *, matched: bool, ordered: Any, received: Any, discrepancies: list[str]
) -> dict[str, Any]:
    return payload(
        supplier_invoice_id=invoice.id,
        supplier_id=invoice.supplier_id,
        purchase_order_id=invoice.purchase_order_id,
        matched=matched,
        currency=invoice.currency,
        invoiced=invoice.net_amount,
        ordered=ordered,
        received=received,
        discrepancies=discrepancies,
    )
