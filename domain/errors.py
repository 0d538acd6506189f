"""The one error type domain services raise; each area defines its own codes."""

from __future__ import annotations

from enum import StrEnum


class DomainError(Exception):
    """A business rule refused an operation. `field` is the input path it concerns, if any."""

    def __init__(self, code: StrEnum, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class CommonErrorCode(StrEnum):
    NOT_FOUND = "NOT_FOUND"
    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
