"""Reading the bank's statement CSV (`date,description,reference,amount,balance`, newest first)."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from bots.bank.params import StatementLine
from bots.errors import PortalLayoutChanged

CSV_COLUMNS = ["date", "description", "reference", "amount", "balance"]


def read_statement_csv(path: Path) -> list[StatementLine]:
    """The file's lines; a file in another shape means the portal changed its export."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    if not rows or [column.strip().lower() for column in rows[0]] != CSV_COLUMNS:
        header = ",".join(rows[0]) if rows else "(empty file)"
        raise PortalLayoutChanged(
            "statement CSV header",
            page="bank statement",
            message=f"The statement CSV starts {header!r}, not {','.join(CSV_COLUMNS)!r}.",
        )
    lines = []
    for number, row in enumerate(rows[1:], start=2):
        try:
            booked_on, description, reference, amount, balance = row
            lines.append(
                StatementLine(date.fromisoformat(booked_on), description, reference, Decimal(amount), Decimal(balance))
            )
        except (ValueError, InvalidOperation):
            raise PortalLayoutChanged(
                f"statement CSV line {number}",
                page="bank statement",
                message=f"Line {number} of the statement CSV cannot be read.",
            ) from None
    return lines
