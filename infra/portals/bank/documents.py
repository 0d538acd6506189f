"""The statement as the CSV file the bank lets customers download."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from infra.portals.amounts import plain_amount
from infra.portals.bank.models import StatementLine

CSV_COLUMNS = ("date", "description", "reference", "amount", "balance")


def statement_csv(lines: Sequence[StatementLine]) -> str:
    """One row per line in the order given (the portal gives the newest first); amounts like `-1234.50`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for line in lines:
        writer.writerow(
            [line.booked_on.isoformat(), line.description, line.reference, plain_amount(line.amount), plain_amount(line.balance)]
        )
    return buffer.getvalue()


def statement_filename(iban: str, date_from: date | None, date_to: date | None) -> str:
    return f"statement-{iban}-{date_from or 'start'}-{date_to or 'today'}.csv"
