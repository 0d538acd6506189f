"""IBANs: building them with correct check digits, and checking the ones typed into the payment form."""

from __future__ import annotations

import re

_IBAN_SHAPE = re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")


def normalise_iban(text: str) -> str:
    return "".join(text.split()).upper()


def make_iban(country: str, bban: str) -> str:
    """The IBAN for a country code and a domestic account number (BBAN), with its mod-97 check digits."""
    check = 98 - _mod97(bban + country + "00")
    return f"{country}{check:02d}{bban}"


def is_valid_iban(text: str) -> bool:
    iban = normalise_iban(text)
    return bool(_IBAN_SHAPE.match(iban)) and _mod97(iban[4:] + iban[:4]) == 1


def format_iban(iban: str) -> str:
    """In groups of four, as printed on statements: `NL91 HANS 0123 4567 89`."""
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _mod97(text: str) -> int:
    return int("".join(str(int(character, 36)) for character in text)) % 97
