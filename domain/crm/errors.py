"""CRM error codes."""

from enum import StrEnum


class CrmErrorCode(StrEnum):
    NOT_FOUND = "NOT_FOUND"
    CUSTOMER_NOT_FOUND = "NOT_FOUND"  # alias kept for existing callers
    NAME_REQUIRED = "REQUIRED"
    NAME_TOO_LONG = "TOO_LONG"
    INVALID_EMAIL = "INVALID"
    CONTACT_OF_ANOTHER_CUSTOMER = "CONTACT_OF_ANOTHER_CUSTOMER"
