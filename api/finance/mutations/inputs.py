"""Line inputs several finance mutations share, and their translation to the domain's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry

from api.node_ids import decode_input_id
from domain.finance import service as finance_service


@strawberry.input
class InvoiceLineInput:
    description: str
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal = strawberry.field(default=Decimal(0), description="A fraction between 0 and 1: 0.2 is 20 percent.")


def invoice_lines(lines: list[InvoiceLineInput]) -> list[finance_service.InvoiceLineInput]:
    return [
        finance_service.InvoiceLineInput(description=line.description, quantity=line.quantity, unit_price=line.unit_price, tax_rate=line.tax_rate)
        for line in lines
    ]


@strawberry.input(description="A debit or a credit (exactly one of them above zero) to an account.")
class JournalEntryInput:
    account_id: strawberry.ID
    debit: Decimal = Decimal(0)
    credit: Decimal = Decimal(0)
    description: str | None = None


def journal_entries(entries: list[JournalEntryInput], *, first_index: int = 0) -> list[finance_service.EntryInput]:
    """The domain's entries; an unknown account id is a NOT_FOUND userError naming the entry's index."""
    return [
        finance_service.EntryInput(
            account_id=decode_input_id(entry.account_id, expected_type="Account", field=f"entries.{first_index + index}.account_id"),
            debit=entry.debit, credit=entry.credit, description=entry.description,
        )
        for index, entry in enumerate(entries)
    ]


@strawberry.input
class StatementLineInput:
    booked_on: date
    amount: Decimal = strawberry.field(description="Positive: money in; negative: money out.")
    counterparty: str | None = None
    remittance: str | None = None
