"""The three-way match: a supplier invoice is checked against its purchase order and the goods received.

It matches when the invoiced net amount equals the value of the goods received against the order
(received quantity × ordered price), within a cent, and does not exceed the order's value. The
outcome is recorded as `finance.supplier_invoice_matched` (once per invoice), matched or not.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from domain.errors import DomainError
from domain.finance import events
from domain.finance.errors import FinanceErrorCode
from domain.finance.models import SupplierInvoice
from domain.money import Money
from domain.operations import service as operations_service
from domain.outbox import record_event_once
from tenants.ownership import scoped

TOLERANCE = Decimal("0.01")


@dataclass(frozen=True)
class ThreeWayMatch:
    supplier_invoice_id: uuid.UUID
    purchase_order_id: uuid.UUID | None
    currency: str
    invoiced: Decimal
    ordered: Decimal
    received: Decimal
    discrepancies: tuple[str, ...]

    @property
    def matched(self) -> bool:
        return not self.discrepancies


async def match_supplier_invoice(*, supplier_invoice_id: uuid.UUID) -> ThreeWayMatch:
    """Compare a supplier invoice with its purchase order and goods receipts, and record the outcome."""
    invoice = await scoped(SupplierInvoice).get_or_none(id=supplier_invoice_id)
    if invoice is None:
        raise DomainError(FinanceErrorCode.NOT_FOUND, "supplier invoice not found", field="supplier_invoice_id")
    ordered = received = Decimal(0)
    discrepancies = []
    if invoice.purchase_order_id is None:
        discrepancies.append("the invoice names no purchase order")
    else:
        for line in await operations_service.purchase_order_lines(purchase_order_id=invoice.purchase_order_id):
            ordered += line.line_total
            received += line.quantity_received * line.unit_price
        received = Money(received, invoice.currency).rounded().amount
        if received == 0:
            discrepancies.append("nothing has been received against the purchase order")
        elif abs(invoice.net_amount - received) > TOLERANCE:
            discrepancies.append(f"invoiced {invoice.net_amount} {invoice.currency} but the goods received are worth {received}")
        if invoice.net_amount > ordered + TOLERANCE:
            discrepancies.append(f"invoiced {invoice.net_amount} {invoice.currency}, more than the {ordered} ordered")
    outcome = ThreeWayMatch(
        supplier_invoice_id=invoice.id, purchase_order_id=invoice.purchase_order_id, currency=invoice.currency,
        invoiced=invoice.net_amount, ordered=ordered, received=received, discrepancies=tuple(discrepancies),
    )
    await record_event_once(
        event_type=events.SUPPLIER_INVOICE_MATCHED,
        payload=events.supplier_invoice_matched(
            invoice, matched=outcome.matched, ordered=ordered, received=received, discrepancies=list(discrepancies)
        ),
        idempotency_key=f"{events.SUPPLIER_INVOICE_MATCHED}:{invoice.id}",
    )
    return outcome
