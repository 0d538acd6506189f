"""Outgoing payments that need four eyes: a person orders one, a second person approves it, the bank bot pays it."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from domain.finance.models import amount_field
from tenants.ownership import TenantOwnedModel


class PaymentOrderStatus(StrEnum):
    AWAITING_APPROVAL = "awaiting_approval"
    APPROVED = "approved"
    SUBMITTED = "submitted"  # the bank bot paid it
    CANCELLED = "cancelled"


class PaymentOrder(TenantOwnedModel):
    """An outgoing payment a person asked for. The bank bot pays it only after a second person approved it."""

    beneficiary = fields.CharField(max_length=70)
    iban = fields.CharField(max_length=34)
    amount = amount_field()
    currency = fields.CharField(max_length=3)
    reference = fields.CharField(max_length=100, default="")
    from_account = fields.CharField(max_length=34, null=True)
    idempotency_key = fields.CharField(max_length=36)
    status = fields.CharEnumField(PaymentOrderStatus, max_length=24, default=PaymentOrderStatus.AWAITING_APPROVAL)
    requested_by = fields.CharField(max_length=120)  # the credential, for the audit trail
    # The person behind that credential (see Principal.person_id); NULL when nobody is (a service key):
    # then any person may approve. Four eyes compares persons, never credentials.
    requester_person_id = fields.UUIDField(null=True)
    bank_payment_id = fields.CharField(max_length=40, null=True)
    submitted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "finance_payment_orders"
        unique_together = (("tenant_id", "idempotency_key"),)
        indexes = (("tenant_id", "status", "created_at"),)


class PaymentApproval(TenantOwnedModel):
    """A second person's approval of a payment order, bound to its idempotency key, payee and amount."""

    order: fields.ForeignKeyRelation[PaymentOrder] = fields.ForeignKeyField(
        "concord.PaymentOrder", related_name="approvals", on_delete=fields.CASCADE
    )
    order_id: object
    approved_by = fields.CharField(max_length=120)  # the credential, for the audit trail
    approver_person_id = fields.UUIDField(null=True)  # always set since migration 0011; NULL on older rows (not counted)
    idempotency_key = fields.CharField(max_length=36)
    iban = fields.CharField(max_length=34)
    amount = amount_field()
    currency = fields.CharField(max_length=3)
    voided_at = fields.DatetimeField(null=True)
    void_reason = fields.CharField(max_length=200, null=True)

    class Meta:
        table = "finance_payment_approvals"
        indexes = (("tenant_id", "order_id"),)
