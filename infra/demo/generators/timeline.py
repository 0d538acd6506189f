"""The demo's year: every dated thing happens between a year before the seeding day and that day."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

YEAR_DAYS = 365


@dataclass(frozen=True)
class Timeline:
    """Dates and instants of the demo, all derived from `as_of` (the day the data is seeded) so that
    the same seed, size and day make the same data."""

    as_of: date

    @property
    def start(self) -> date:
        """The first day of the demo's year of history."""
        return self.as_of - timedelta(days=YEAR_DAYS)

    @property
    def yesterday(self) -> date:
        return self.as_of - timedelta(days=1)

    @property
    def end(self) -> datetime:
        """Midnight at the start of `as_of`: nothing the demo records happens later."""
        return datetime.combine(self.as_of, time(0), UTC)

    def day(self, rng: random.Random, first: date | None = None, last: date | None = None) -> date:
        """A day from `first` to `last` inclusive (default: the whole year up to yesterday)."""
        first = first or self.start
        last = last or self.yesterday
        if last <= first:
            return first
        return first + timedelta(days=rng.randint(0, (last - first).days))

    def recent_day(self, rng: random.Random, *, within_days: int) -> date:
        """A day within the last `within_days` days, yesterday at the latest."""
        return self.day(rng, self.as_of - timedelta(days=within_days), self.yesterday)

    def moment(self, rng: random.Random, day: date, *, first_hour: int = 8, last_hour: int = 17) -> datetime:
        """An instant in office hours (UTC) on `day`."""
        return datetime.combine(day, time(rng.randint(first_hour, last_hour), rng.randint(0, 59)), UTC)

    def moment_after(self, rng: random.Random, day: date, *, after: datetime) -> datetime:
        """An instant in office hours on `day`, but in any case later than `after` (for histories in order)."""
        return max(self.moment(rng, day), after + timedelta(minutes=rng.randint(5, 120)))

    def months(self) -> list[date]:
        """The first day of each month the year touches, oldest first (the first and last are partial)."""
        first = self.start.replace(day=1)
        months = []
        while first <= self.as_of:
            months.append(first)
            first = (first + timedelta(days=32)).replace(day=1)
        return months

    def quarters(self) -> list[tuple[date, date]]:
        """The calendar quarters that ended inside the year, oldest first, as (first day, last day)."""
        quarters = []
        for month in self.months():
            if month.month in (1, 4, 7, 10):
                last = (month + timedelta(days=95)).replace(day=1) - timedelta(days=1)
                if month >= self.start and last < self.as_of:
                    quarters.append((month, last))
        return quarters


def month_end(month: date) -> date:
    """The last day of the month starting on `month`."""
    return (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)

