"""Tenancy's error codes and its one error type."""

from __future__ import annotations

from enum import StrEnum


class TenantErrorCode(StrEnum):
    UNAUTHENTICATED = "UNAUTHENTICATED"
    TENANT_SUSPENDED = "TENANT_SUSPENDED"
    SLUG_TAKEN = "SLUG_TAKEN"
    INVALID_SLUG = "INVALID_SLUG"
    INVALID_NAME = "INVALID_NAME"


class TenantError(Exception):
    def __init__(self, code: TenantErrorCode, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
