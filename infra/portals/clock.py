"""The time the sandbox portals live in, so tests can freeze it and move it on."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


class SandboxClock:
    """The wall clock, or a frozen instant; either one moved forward by `advance`.

    Session timeouts, TOTP codes, payment execution and seeded dates all read this clock, so a
    test that freezes it gets the same data and can expire a session without sleeping.
    """

    def __init__(self, frozen_at: datetime | None = None) -> None:
        if frozen_at is not None and frozen_at.tzinfo is None:
            frozen_at = frozen_at.replace(tzinfo=UTC)
        self._frozen_at = frozen_at
        self._offset = timedelta(0)

    @property
    def is_frozen(self) -> bool:
        return self._frozen_at is not None

    def now(self) -> datetime:
        """The current sandbox time, timezone-aware (UTC)."""
        return (self._frozen_at or datetime.now(UTC)) + self._offset

    def today(self) -> date:
        return self.now().date()

    def timestamp(self) -> float:
        return self.now().timestamp()

    def advance(self, seconds: float) -> None:
        """Move sandbox time forward; it never goes back."""
        if seconds < 0:
            raise ValueError("the sandbox clock only moves forward")
        self._offset += timedelta(seconds=seconds)
