"""Customer service error codes."""

from enum import StrEnum


class ServiceErrorCode(StrEnum):
    NOT_FOUND = "NOT_FOUND"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    TICKET_CLOSED = "TICKET_CLOSED"
    CONTACT_OF_ANOTHER_CUSTOMER = "CONTACT_OF_ANOTHER_CUSTOMER"
    UNCHANGED = "UNCHANGED"
