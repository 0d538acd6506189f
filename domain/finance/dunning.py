"""Dunning: invoices past their due date are announced once, and their customers reminded."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from domain import clock
from domain.crm import service as crm_service
from domain.errors import DomainError
from domain.finance import events
from domain.finance.errors import FinanceErrorCode
from domain.finance.invoices import get_invoice_or_raise
from domain.finance.models import Invoice, InvoiceStatus
from domain.outbox import record_event_once
from tenants.ownership import scoped


async def record_overdue_invoices(*, as_of: date | None = None, grace_days: int = 0) -> list[Invoice]:
    """Record `finance.invoice_overdue` for each issued invoice due before `as_of` less the grace days,
    once per invoice whatever how often this runs; returns the invoices announced now."""
    as_of = as_of or clock.today()
    cutoff = as_of - timedelta(days=grace_days)
    announced = []
    for invoice in await scoped(Invoice).filter(status=InvoiceStatus.ISSUED, due_date__lt=cutoff).order_by("due_date", "id"):
        recorded = await record_event_once(
            event_type=events.INVOICE_OVERDUE,
            payload=events.invoice_overdue(invoice, days_overdue=(as_of - invoice.due_date).days),
            idempotency_key=f"{events.INVOICE_OVERDUE}:{invoice.id}",
        )
        if recorded is not None:
            announced.append(invoice)
    return announced


async def send_payment_reminder(*, invoice_id: uuid.UUID, sent_by: str) -> crm_service.Interaction:
    """Remind the customer of an overdue invoice; the reminder is kept as an outbound email interaction."""
    invoice = await get_invoice_or_raise(invoice_id=invoice_id)
    if invoice.status is not InvoiceStatus.ISSUED:
        raise DomainError(FinanceErrorCode.INVOICE_NOT_ISSUED, f"the invoice is {invoice.status}", field="invoice_id")
    return await crm_service.log_interaction(
        customer_id=invoice.customer_id,
        channel=crm_service.Channel.EMAIL,
        direction=crm_service.Direction.OUTBOUND,
        subject=f"Payment reminder: invoice {invoice.number} was due on {invoice.due_date.isoformat()}",
        summary=f"{invoice.amount_due} {invoice.currency} is still open on invoice {invoice.number}.",
        occurred_at=clock.now(),
        recorded_by=sent_by,
    )
