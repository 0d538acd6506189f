"""Bank statement imported → payments matched to invoices by score; the lines left over go to a person."""

from __future__ import annotations

import uuid
from typing import Any

from domain.automation import service as automation_service
from domain.finance import events as finance_events
from domain.finance import matching
from workers.automation.registry import automation

ACTOR = "automation:bank_reconciliation"


@automation("finance.match_bank_statement", on=[finance_events.BANK_STATEMENT_IMPORTED])
async def match_statement(*, event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    result = await matching.match_statement_payments(bank_statement_id=uuid.UUID(payload["bank_statement_id"]), matched_by=ACTOR)
    if not result.unmatched:
        return
    await automation_service.open_work_item(
        kind="finance.unmatched_bank_lines",
        subject_key=f"finance.unmatched_bank_lines:{result.bank_statement_id}",
        title=f"{len(result.unmatched)} line(s) of bank statement {result.reference} need matching by hand",
        details={
            "bank_statement_id": str(result.bank_statement_id),
            "matched": len(result.matched),
            "lines": [
                {
                    "statement_line_id": str(line.line_id), "position": line.position, "amount": str(line.amount),
                    "booked_on": line.booked_on.isoformat(), "remittance": line.remittance,
                    "candidates": [
                        {"invoice_id": str(c.invoice_id), "number": c.number, "score": c.score, "reasons": list(c.reasons)}
                        for c in line.candidates
                    ],
                }
                for line in result.unmatched
            ],
        },
    )
