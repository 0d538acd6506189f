"""Tenancy's error codes and its one error type."""

from __future__ import annotations

from enum import StrEnum


class TenantErrorCode(StrEnum):
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    TENANT_SUSPENDED = "TENANT_SUSPENDED"
    RATE_LIMITED = "RATE_LIMITED"
    NOT_FOUND = "NOT_FOUND"
    SLUG_TAKEN = "SLUG_TAKEN"
    INVALID_SLUG = "INVALID_SLUG"
    INVALID_NAME = "INVALID_NAME"
    INVALID_SCOPE = "INVALID_SCOPE"
    INVALID_EMAIL = "INVALID_EMAIL"
    EMAIL_TAKEN = "EMAIL_TAKEN"
    WEAK_PASSWORD = "WEAK_PASSWORD"
    EXPORT_REQUIRED = "EXPORT_REQUIRED"
    INVALID_SECRET = "INVALID_SECRET"


class TenantError(Exception):
    def __init__(self, code: TenantErrorCode, message: str, *, field: str | None = None, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.retry_after = retry_after


def unauthenticated() -> TenantError:
    """The one answer to every failed authentication, whatever part was wrong."""
    return TenantError(TenantErrorCode.UNAUTHENTICATED, "invalid or expired credentials")
