"""Money as the portals read it from forms and show it on pages."""

from __future__ import annotations

import re
from decimal import Decimal

_AMOUNT = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
CENT = Decimal("0.01")


class AmountError(ValueError):
    """Text that is not an acceptable amount; the message is shown next to the field."""


def parse_amount(text: str) -> Decimal:
    """A non-negative amount with at most two decimals, written like `1234.56`."""
    cleaned = text.strip()
    if not cleaned:
        raise AmountError("Please enter an amount.")
    if not _AMOUNT.match(cleaned):
        raise AmountError("Please enter a valid amount, for example 1234.56.")
    amount = Decimal(cleaned)
    if amount < 0:
        raise AmountError("The amount cannot be negative.")
    if amount != amount.quantize(CENT):
        raise AmountError("Please enter at most 2 decimal places.")
    return amount.quantize(CENT)


def format_amount(amount: Decimal) -> str:
    """For pages: thousands separated, two decimals, e.g. `-1,234.50`."""
    return f"{amount:,.2f}"


def plain_amount(amount: Decimal) -> str:
    """For machine-readable output such as CSV: e.g. `-1234.50`."""
    return f"{amount:.2f}"
