"""CRM error codes."""

from enum import StrEnum


class CrmErrorCode(StrEnum):
    CUSTOMER_NOT_FOUND = "NOT_FOUND"
    NAME_REQUIRED = "REQUIRED"
    NAME_TOO_LONG = "TOO_LONG"
    INVALID_EMAIL = "INVALID"
