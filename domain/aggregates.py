"""Reading SQL aggregates of Decimal columns back as exact Decimals on every backend."""

from __future__ import annotations

from decimal import Decimal

from domain.money import STORED


def decimal_total(value: object) -> Decimal:
    """A SUM() result as a Decimal at stored precision (0 for NULL).

    SQLite keeps decimals as text and sums them as floats: quantizing the shortest float repr to
    the stored 4 places gives back the exact total for the magnitudes Concord stores.
    """
    if value is None:
        return Decimal(0).quantize(STORED)
    return Decimal(str(value)).quantize(STORED)
