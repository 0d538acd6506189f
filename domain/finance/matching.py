"""Matching a bank statement's incoming lines to open invoices by reference, amount and date, with a score.

Each open invoice of the statement's currency is scored against a line: its number in the
remittance (50), the amount equal to what is due (30) or within it (10), the booking date between
issue and 30 days after due (20) or up to 90 days after due (10). A line is matched when its best
candidate scores at least AUTO_MATCH_SCORE and no other candidate scores as much; the rest stay
unmatched, with their candidates, for a person.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from tortoise.transactions import in_transaction

from domain.finance.banking import get_bank_statement_or_raise, match_statement_line, statement_lines
from domain.finance.models import BankStatementLine, Invoice, InvoiceStatus, StatementLineStatus
from tenants.ownership import scoped

AUTO_MATCH_SCORE = 70
CANDIDATES_KEPT = 3


@dataclass(frozen=True)
class Candidate:
    invoice_id: uuid.UUID
    number: str
    score: int
    reasons: tuple[str, ...]


@dataclass
class LineMatch:
    line_id: uuid.UUID
    position: int
    amount: Decimal
    booked_on: object
    remittance: str | None
    candidates: list[Candidate] = field(default_factory=list)
    payment_id: uuid.UUID | None = None

    @property
    def matched(self) -> bool:
        return self.payment_id is not None


@dataclass(frozen=True)
class StatementMatch:
    bank_statement_id: uuid.UUID
    reference: str
    lines: list[LineMatch]

    @property
    def matched(self) -> list[LineMatch]:
        return [line for line in self.lines if line.matched]

    @property
    def unmatched(self) -> list[LineMatch]:
        return [line for line in self.lines if not line.matched]


def score(line: BankStatementLine, invoice: Invoice) -> Candidate:
    """How well `line` fits as a payment of `invoice` (0-100), and why."""
    points, reasons = 0, []
    if re.search(rf"(?<![\w-]){re.escape(invoice.number)}(?![\w-])", line.remittance or "", re.IGNORECASE):
        points, reasons = points + 50, [*reasons, "reference"]
    if line.amount == invoice.amount_due:
        points, reasons = points + 30, [*reasons, "amount"]
    elif 0 < line.amount < invoice.amount_due:
        points, reasons = points + 10, [*reasons, "partial amount"]
    if invoice.issue_date and invoice.due_date:
        if invoice.issue_date <= line.booked_on <= invoice.due_date + timedelta(days=30):
            points, reasons = points + 20, [*reasons, "date"]
        elif invoice.issue_date <= line.booked_on <= invoice.due_date + timedelta(days=90):
            points, reasons = points + 10, [*reasons, "late date"]
    return Candidate(invoice_id=invoice.id, number=invoice.number, score=points, reasons=tuple(reasons))


async def match_statement_payments(*, bank_statement_id: uuid.UUID, matched_by: str | None = None) -> StatementMatch:
    """Score every unmatched incoming line of the statement against the open invoices and record a
    payment for each clear match; lines already matched are left as they are."""
    statement = await get_bank_statement_or_raise(bank_statement_id=bank_statement_id)
    open_invoices = await scoped(Invoice).filter(status=InvoiceStatus.ISSUED, currency=statement.currency).order_by("number")
    results = []
    async with in_transaction():
        for line in await statement_lines(bank_statement_id=statement.id, status=StatementLineStatus.UNMATCHED):
            if line.amount <= 0:
                continue  # money out is not a customer's payment
            ranked = sorted(
                (candidate for invoice in open_invoices if invoice.amount_due > 0 and (candidate := score(line, invoice)).score > 0),
                key=lambda candidate: (-candidate.score, candidate.number),
            )
            result = LineMatch(
                line_id=line.id, position=line.position, amount=line.amount, booked_on=line.booked_on,
                remittance=line.remittance, candidates=ranked[:CANDIDATES_KEPT],
            )
            best = ranked[0] if ranked else None
            clear = best is not None and best.score >= AUTO_MATCH_SCORE and (len(ranked) == 1 or ranked[1].score < best.score)
            invoice = next((inv for inv in open_invoices if best and inv.id == best.invoice_id), None)
            if clear and invoice is not None and line.amount <= invoice.amount_due:
                payment = await match_statement_line(statement_line_id=line.id, invoice_id=invoice.id, matched_by=matched_by)
                invoice.amount_due -= payment.amount
                result.payment_id = payment.id
            results.append(result)
    return StatementMatch(bank_statement_id=statement.id, reference=statement.reference, lines=results)
