"""Payment order error codes."""

from enum import StrEnum


class PaymentOrderErrorCode(StrEnum):
    NOT_FOUND = "NOT_FOUND"
    INVALID_IBAN = "INVALID_IBAN"
    INVALID_AMOUNT = "INVALID_AMOUNT"
    INVALID_KEY = "INVALID_KEY"
    DUPLICATE = "DUPLICATE"
    SELF_APPROVAL = "SELF_APPROVAL"  # the person who asked for a payment cannot approve it, with any credential
    APPROVER_NOT_A_PERSON = "APPROVER_NOT_A_PERSON"  # a credential no person stands behind cannot approve
    NOT_AWAITING_APPROVAL = "NOT_AWAITING_APPROVAL"
    NOT_APPROVED = "NOT_APPROVED"
    APPROVAL_MISMATCH = "APPROVAL_MISMATCH"  # the payment differs from what was approved
    ALREADY_SUBMITTED = "ALREADY_SUBMITTED"
