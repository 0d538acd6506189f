"""Four eyes compares persons, not credentials: approve_payment and the bank bot's approved_payment_order both
refuse an approval by the person who ordered the payment, whatever credential either used, and an approval
with no person behind it."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from domain.errors import DomainError
from domain.finance import service as finance
from domain.finance.payment_orders.errors import PaymentOrderErrorCode
from domain.finance.payment_orders.models import PaymentApproval, PaymentOrder, PaymentOrderStatus
from tenants.context import tenant_transaction
from tenants.ownership import create_owned, scoped

IBAN = "NL91ABNA0417164300"


async def ordered(*, by: str, person: uuid.UUID | None) -> PaymentOrder:
    return await finance.request_payment(
        beneficiary="Meridian Industrial Supply", iban=IBAN, amount=Decimal("99.00"), currency="EUR",
        requested_by=by, requester_person_id=person,
    )


async def bank_bot_check(order: PaymentOrder) -> PaymentOrder:
    return await finance.approved_payment_order(idempotency_key=order.idempotency_key, iban=IBAN, amount=Decimal("99.00"), currency="EUR")


async def recorded_approval(order: PaymentOrder, *, by: str, person: uuid.UUID | None) -> None:
    """An approval row as some other path (or an older release) might have stored it, past approve_payment's checks."""
    await create_owned(
        PaymentApproval, order_id=order.id, approved_by=by, approver_person_id=person, idempotency_key=order.idempotency_key,
        iban=order.iban, amount=order.amount, currency=order.currency,
    )
    await scoped(PaymentOrder).filter(id=order.id).update(status=PaymentOrderStatus.APPROVED)


async def test_the_person_who_ordered_cannot_approve_with_another_credential(tenant):
    dana = uuid.uuid4()
    async with tenant_transaction(tenant.id):
        order = await ordered(by="user:" + str(dana), person=dana)
        with pytest.raises(DomainError) as refused:
            await finance.approve_payment(order_id=order.id, approved_by=f"api_key:{uuid.uuid4()}", approver_person_id=dana)
    assert (refused.value.code, refused.value.field) == (PaymentOrderErrorCode.SELF_APPROVAL, "id")


async def test_a_credential_with_no_person_behind_it_cannot_approve(tenant):
    async with tenant_transaction(tenant.id):
        order = await ordered(by="user:clerk", person=uuid.uuid4())
        with pytest.raises(DomainError) as refused:
            await finance.approve_payment(order_id=order.id, approved_by=f"api_key:{uuid.uuid4()}", approver_person_id=None)
        unchanged = await scoped(PaymentOrder).get(id=order.id)
    assert (refused.value.code, refused.value.field) == (PaymentOrderErrorCode.APPROVER_NOT_A_PERSON, "id")
    assert unchanged.status is PaymentOrderStatus.AWAITING_APPROVAL


async def test_an_order_no_person_placed_can_be_approved_by_any_person(tenant):
    approver = uuid.uuid4()
    async with tenant_transaction(tenant.id):
        order = await ordered(by=f"api_key:{uuid.uuid4()}", person=None)
        await finance.approve_payment(order_id=order.id, approved_by=f"user:{approver}", approver_person_id=approver)
        paid = await bank_bot_check(order)
        [approval] = await finance.approvals_of(order_ids=[order.id])
    assert paid.id == order.id and approval.approver_person_id == approver


async def test_the_bank_bot_does_not_accept_an_approval_by_the_person_who_ordered(tenant):
    dana = uuid.uuid4()
    async with tenant_transaction(tenant.id):
        order = await ordered(by=f"user:{dana}", person=dana)
        await recorded_approval(order, by=f"api_key:{uuid.uuid4()}", person=dana)
        with pytest.raises(DomainError) as refused:
            await bank_bot_check(order)
    assert refused.value.code is PaymentOrderErrorCode.NOT_APPROVED
    assert refused.value.message == f"payment order {order.idempotency_key} has no valid second approval"


async def test_the_bank_bot_does_not_accept_an_approval_with_no_person(tenant):
    async with tenant_transaction(tenant.id):
        order = await ordered(by="user:clerk", person=uuid.uuid4())
        await recorded_approval(order, by=f"api_key:{uuid.uuid4()}", person=None)  # as approvals before migration 0011 are
        with pytest.raises(DomainError) as refused:
            await bank_bot_check(order)
    assert refused.value.code is PaymentOrderErrorCode.NOT_APPROVED
