"""Supplier invoice received → three-way match with its purchase order and goods receipts; a mismatch goes to a person."""

from __future__ import annotations

import uuid
from typing import Any

from domain.automation import service as automation_service
from domain.finance import events as finance_events
from domain.finance import three_way_match
from workers.automation.registry import automation


@automation("finance.three_way_match", on=[finance_events.SUPPLIER_INVOICE_RECEIVED])
async def match(*, event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    outcome = await three_way_match.match_supplier_invoice(supplier_invoice_id=uuid.UUID(payload["supplier_invoice_id"]))
    if outcome.matched:
        return
    await automation_service.open_work_item(
        kind="finance.three_way_mismatch",
        subject_key=f"finance.three_way_mismatch:{outcome.supplier_invoice_id}",
        title=f"Supplier invoice {payload['supplier_reference']} does not match its order and receipts",
        details={
            "supplier_invoice_id": str(outcome.supplier_invoice_id),
            "purchase_order_id": str(outcome.purchase_order_id) if outcome.purchase_order_id else None,
            "currency": outcome.currency, "invoiced": str(outcome.invoiced), "ordered": str(outcome.ordered),
            "received": str(outcome.received), "discrepancies": list(outcome.discrepancies),
        },
    )
