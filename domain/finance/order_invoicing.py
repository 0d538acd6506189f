"""Invoicing a sales order once its goods are reserved: one issued invoice per order."""

from __future__ import annotations

import uuid
from decimal import Decimal

from domain.finance.invoices import create_invoice_from_sales_order, issue_invoice
from domain.finance.models import Invoice, InvoiceStatus
from tenants.ownership import scoped


async def invoice_sales_order(*, sales_order_id: uuid.UUID, issued_by: str, tax_rate: Decimal = Decimal(0)) -> Invoice:
    """The order's issued invoice: drafted from its lines and issued on first call; an existing one
    (not void) is issued if still a draft and returned."""
    invoice = await scoped(Invoice).filter(sales_order_id=sales_order_id).exclude(status=InvoiceStatus.VOID).order_by("created_at").first()
    if invoice is None:
        invoice = await create_invoice_from_sales_order(sales_order_id=sales_order_id, tax_rate=tax_rate)
    if invoice.status is InvoiceStatus.DRAFT:
        invoice = await issue_invoice(invoice_id=invoice.id, issued_by=issued_by)
    return invoice
