"""Four eyes: a payment is paid only when a second person approved exactly it; a changed amount voids the approval."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from domain.errors import DomainError
from domain.finance import service as finance
from domain.finance.payment_orders.errors import PaymentOrderErrorCode
from domain.finance.payment_orders.models import PaymentOrderStatus
from tenants.context import tenant_transaction

IBAN = "NL91ABNA0417164300"
ALICE, BOB = uuid.uuid4(), uuid.uuid4()  # the persons behind the credentials user:alice and user:bob


async def ordered(requested_by: str = "user:alice"):
    return await finance.request_payment(
        beneficiary="Meridian Industrial Supply", iban="NL91 ABNA 0417 1643 00", amount=Decimal("1250.40"), currency="EUR",
        reference="SI-2026-12345", requested_by=requested_by, requester_person_id=ALICE, idempotency_key="order-key-0001",
    )


async def approved(order):
    return await finance.approved_payment_order(
        idempotency_key=order.idempotency_key, iban=IBAN, amount=Decimal("1250.40"), currency="EUR"
    )


async def test_the_person_who_ordered_a_payment_cannot_approve_it(tenant):
    async with tenant_transaction(tenant.id):
        order = await ordered()
        with pytest.raises(DomainError) as refused:
            await finance.approve_payment(order_id=order.id, approved_by="user:alice", approver_person_id=ALICE)
        with pytest.raises(DomainError) as not_yet:
            await approved(order)
    assert refused.value.code is PaymentOrderErrorCode.SELF_APPROVAL
    assert not_yet.value.code is PaymentOrderErrorCode.NOT_APPROVED


async def test_a_second_person_approves_exactly_this_payment(tenant):
    async with tenant_transaction(tenant.id):
        order = await ordered()
        await finance.approve_payment(order_id=order.id, approved_by="user:bob", approver_person_id=BOB)
        found = await approved(order)
        with pytest.raises(DomainError) as other_amount:
            await finance.approved_payment_order(
                idempotency_key=order.idempotency_key, iban=IBAN, amount=Decimal("1250.41"), currency="EUR"
            )
    assert found.id == order.id and found.status is PaymentOrderStatus.APPROVED
    assert other_amount.value.code is PaymentOrderErrorCode.APPROVAL_MISMATCH


async def test_changing_the_amount_voids_the_approval(tenant):
    async with tenant_transaction(tenant.id):
        order = await ordered()
        await finance.approve_payment(order_id=order.id, approved_by="user:bob", approver_person_id=BOB)
        changed = await finance.change_payment_amount(order_id=order.id, amount="1300.00")
        with pytest.raises(DomainError) as voided:
            await finance.approved_payment_order(
                idempotency_key=order.idempotency_key, iban=IBAN, amount=Decimal("1300.00"), currency="EUR"
            )
        [approval] = await finance.approvals_of(order_ids=[order.id])
    assert changed.status is PaymentOrderStatus.AWAITING_APPROVAL
    assert voided.value.code is PaymentOrderErrorCode.NOT_APPROVED
    assert approval.voided_at is not None and approval.void_reason == "amount changed from 1250.40 to 1300.00"


async def test_an_invalid_iban_is_refused(tenant):
    async with tenant_transaction(tenant.id):
        with pytest.raises(DomainError) as refused:
            await finance.request_payment(
                beneficiary="X", iban="NL91ABNA0417164301", amount="1.00", currency="EUR", requested_by="user:alice"
            )
    assert (refused.value.code, refused.value.field) == (PaymentOrderErrorCode.INVALID_IBAN, "iban")
