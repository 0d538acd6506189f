"""Reading and writing values the way the portals show and accept them."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bots.errors import PortalLayoutChanged

CENT = Decimal("0.01")
_SHOWN_AMOUNT = re.compile(r"^-?[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?$|^-?[0-9]+(\.[0-9]+)?$")


def read_amount(text: str, *, where: str) -> Decimal:
    """An amount as a page shows it (`-1,234.56`); anything else means the page no longer looks as expected."""
    cleaned = text.strip()
    try:
        if _SHOWN_AMOUNT.match(cleaned):
            return Decimal(cleaned.replace(",", ""))
    except InvalidOperation:
        pass
    message = f"{where} shows {cleaned[:40]!r} where an amount belongs: the portal's layout has changed."
    raise PortalLayoutChanged(where, page=where, message=message)


def form_amount(amount: Decimal) -> str:
    """An amount as the portals' forms take it: `1234.56`."""
    return f"{amount.quantize(CENT):f}"


def compact_iban(text: str) -> str:
    """`NL91 ABNA 0417 1643 00` -> `NL91ABNA0417164300`."""
    return "".join(text.split()).upper()
