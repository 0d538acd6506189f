"""The current time as the domain sees it: timezone-aware UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    """The current instant in UTC."""
    return datetime.now(UTC)


def today() -> date:
    """The current date in UTC."""
    return now().date()
