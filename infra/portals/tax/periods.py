"""Monthly VAT periods, written `YYYY-MM`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_PERIOD = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass(frozen=True, order=True)
class Period:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Period | None:
        """The period written as `2026-10`, or None when the text is not in that format."""
        match = _PERIOD.match(text.strip())
        return cls(int(match.group(1)), int(match.group(2))) if match else None

    @classmethod
    def containing(cls, day: date) -> Period:
        return cls(day.year, day.month)

    def shifted(self, months: int) -> Period:
        index = self.year * 12 + (self.month - 1) + months
        return Period(index // 12, index % 12 + 1)

    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
