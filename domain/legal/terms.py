"""Contract term arithmetic, free of I/O: when a contract renews and the last day to give notice."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the month's last day (31 Jan + 1 month = 28 or 29 Feb)."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def renewal_date(*, start_date: date, term_months: int, auto_renew: bool, as_of: date | None = None) -> date:
    """The day the current term ends and the contract renews (or expires): start + term, and for an
    auto-renewing contract the first start + k x term on or after `as_of`.

    Each candidate is counted from the start date, so month-end clamping never drifts.
    """
    first = add_months(start_date, term_months)
    if not auto_renew or as_of is None or first >= as_of:
        return first
    terms = 1
    while (candidate := add_months(start_date, terms * term_months)) < as_of:
        terms += 1
    return candidate


def notice_deadline(*, renewal: date, notice_period_days: int) -> date:
    """The last day notice can be given to stop the contract at `renewal`."""
    return renewal - timedelta(days=notice_period_days)
