"""Four eyes on outgoing payments: one person orders a payment, a second person approves exactly it, the bank bot pays it.

An approval is bound to the order's idempotency key, payee and amount. Changing the amount voids
it, and the bank bot is only started for a payment whose params match an order with a valid
approval by someone other than the person who ordered it.

"Person" is the user behind a credential (Principal.person_id), not the credential: one user's JWT
and the keys they minted are one person. A credential with no person behind it (a partner app's key,
a key the platform or CLI issued) may order a payment, which any person may then approve, but cannot
approve one.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from decimal import Decimal

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.errors import DomainError
from domain.finance.payment_orders.errors import PaymentOrderErrorCode
from domain.finance.payment_orders.models import PaymentApproval, PaymentOrder, PaymentOrderStatus
from domain.money import currency_code
from domain.outbox import record_event
from domain.outbox.payloads import payload
from domain.validation import optional_text, positive_decimal, required_text
from tenants.audit import Outcome, record_audit
from tenants.ownership import create_owned, scoped

PAYMENT_REQUESTED = "finance.payment_requested"
PAYMENT_APPROVED = "finance.payment_approved"
_IBAN = re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$")
_KEY = re.compile(r"^[A-Za-z0-9-]{8,36}$")
CENT = Decimal("0.01")


def checked_iban(value: str, *, field: str = "iban") -> str:
    """The IBAN without spaces, if its format and mod-97 check digits are right."""
    iban = "".join(value.split()).upper()
    if not _IBAN.match(iban) or int("".join(str(int(ch, 36)) for ch in iban[4:] + iban[:4])) % 97 != 1:
        raise DomainError(PaymentOrderErrorCode.INVALID_IBAN, "not a valid IBAN (check digits do not match)", field=field)
    return iban


def _amount(value: Decimal | str | int) -> Decimal:
    amount = positive_decimal(value, field="amount")
    if amount != amount.quantize(CENT):
        raise DomainError(PaymentOrderErrorCode.INVALID_AMOUNT, "amount has more than 2 decimals", field="amount")
    return amount


async def request_payment(
    *,
    beneficiary: str,
    iban: str,
    amount: Decimal | str,
    currency: str,
    requested_by: str,
    requester_person_id: uuid.UUID | None = None,
    reference: str | None = None,
    from_account: str | None = None,
    idempotency_key: str | None = None,
) -> PaymentOrder:
    """Order an outgoing payment; it waits for a second person's approval."""
    key = idempotency_key or str(uuid.uuid4())
    if not _KEY.match(key):
        raise DomainError(PaymentOrderErrorCode.INVALID_KEY, "idempotency_key must be 8-36 of A-Z a-z 0-9 -", field="idempotency_key")
    values = dict(
        beneficiary=required_text(beneficiary, field="beneficiary", max_length=70),
        iban=checked_iban(iban),
        amount=_amount(amount),
        currency=currency_code(currency),
        reference=optional_text(reference, field="reference", max_length=100) or "",
        from_account=checked_iban(from_account, field="from_account") if from_account else None,
        idempotency_key=key,
        requested_by=requested_by,
        requester_person_id=requester_person_id,
    )
    try:
        async with in_transaction():
            order = await create_owned(PaymentOrder, **values)
    except IntegrityError:
        raise DomainError(PaymentOrderErrorCode.DUPLICATE, f"a payment order with key {key} exists", field="idempotency_key") from None
    await record_event(event_type=PAYMENT_REQUESTED, payload=payload(payment_order_id=order.id, amount=order.amount, currency=order.currency))
    return order


async def get_payment_order_or_raise(*, order_id: uuid.UUID, field: str = "id") -> PaymentOrder:
    order = await scoped(PaymentOrder).select_for_update().get_or_none(id=order_id)
    if order is None:
        raise DomainError(PaymentOrderErrorCode.NOT_FOUND, "payment order not found", field=field)
    return order


def list_payment_orders(*, statuses: Sequence[PaymentOrderStatus] = ()) -> QuerySet[PaymentOrder]:
    query = scoped(PaymentOrder)
    return query.filter(status__in=list(statuses)) if statuses else query


async def get_payment_orders(*, order_ids: Sequence[uuid.UUID]) -> list[PaymentOrder]:
    return await scoped(PaymentOrder).filter(id__in=list(order_ids))


async def approve_payment(*, order_id: uuid.UUID, approved_by: str, approver_person_id: uuid.UUID | None) -> PaymentOrder:
    """A second person approves the order as it stands now; the person who ordered it cannot, through any
    credential, nor can a credential with no person behind it. Audited either way.

    Runs in its own savepoint, so that a refusal undoes nothing of the caller's but its entry in the
    audit log is kept: callers need not wrap it in a transaction of their own.
    """
    audit = {"payment_order_id": str(order_id), "person": _person(approver_person_id)}
    try:
        async with in_transaction():
            order = await _approve(order_id=order_id, approved_by=approved_by, approver_person_id=approver_person_id)
            await record_audit(
                actor=approved_by, action="payment.approve", outcome=Outcome.SUCCEEDED, target=f"payment_order:{order.id}", details=audit
            )
    except DomainError as error:
        await record_audit(
            actor=approved_by, action="payment.approve", outcome=Outcome.REJECTED, target=f"payment_order:{order_id}",
            details={**audit, "code": str(error.code), "reason": error.message},
        )
        raise
    return order


async def _approve(*, order_id: uuid.UUID, approved_by: str, approver_person_id: uuid.UUID | None) -> PaymentOrder:
    order = await get_payment_order_or_raise(order_id=order_id)
    if approver_person_id is None:
        raise DomainError(
            PaymentOrderErrorCode.APPROVER_NOT_A_PERSON,
            "this credential is not bound to a person (a partner's or a service key): approve as a user, or with a key a user minted",
            field="id",
        )
    if approver_person_id == order.requester_person_id or approved_by == order.requested_by:
        raise DomainError(
            PaymentOrderErrorCode.SELF_APPROVAL, "the person who ordered a payment cannot approve it, with any of their credentials", field="id"
        )
    if order.status is not PaymentOrderStatus.AWAITING_APPROVAL:
        raise DomainError(PaymentOrderErrorCode.NOT_AWAITING_APPROVAL, f"the payment order is {order.status}", field="id")
    await create_owned(
        PaymentApproval, order_id=order.id, approved_by=approved_by, approver_person_id=approver_person_id,
        idempotency_key=order.idempotency_key, iban=order.iban, amount=order.amount, currency=order.currency,
    )
    order.status = PaymentOrderStatus.APPROVED
    await order.save(update_fields=["status", "updated_at"])
    await record_event(event_type=PAYMENT_APPROVED, payload=payload(payment_order_id=order.id, approved_by=approved_by))
    return order


def _person(person_id: uuid.UUID | None) -> str | None:
    return f"user:{person_id}" if person_id else None


def _by_a_second_person(approval: PaymentApproval, order: PaymentOrder) -> bool:
    """An approval counts only from a person, and not the one who ordered the payment (rows from before
    persons were recorded have none, and do not count)."""
    return (
        approval.approver_person_id is not None
        and approval.approver_person_id != order.requester_person_id
        and approval.approved_by != order.requested_by
    )


async def change_payment_amount(*, order_id: uuid.UUID, amount: Decimal | str) -> PaymentOrder:
    """A new amount voids every approval: the order waits for approval again."""
    order = await get_payment_order_or_raise(order_id=order_id)
    if order.status is PaymentOrderStatus.SUBMITTED:
        raise DomainError(PaymentOrderErrorCode.ALREADY_SUBMITTED, "the payment was already made", field="id")
    new_amount = _amount(amount)
    if new_amount == order.amount:
        return order
    await scoped(PaymentApproval).filter(order_id=order.id, voided_at__isnull=True).update(
        voided_at=clock.now(), void_reason=f"amount changed from {order.amount:.2f} to {new_amount:.2f}"
    )
    order.amount, order.status = new_amount, PaymentOrderStatus.AWAITING_APPROVAL
    await order.save(update_fields=["amount", "status", "updated_at"])
    return order


async def approved_payment_order(*, idempotency_key: str, iban: str, amount: Decimal, currency: str, field: str = "params") -> PaymentOrder:
    """The order a bank payment pays, if a second person approved exactly this payment; DomainError otherwise."""
    order = await scoped(PaymentOrder).get_or_none(idempotency_key=idempotency_key)
    if order is None:
        raise DomainError(PaymentOrderErrorCode.NOT_APPROVED, f"no payment order has idempotency key {idempotency_key}", field=field)
    if (order.iban, order.amount, order.currency) != (iban, amount, currency):
        raise DomainError(
            PaymentOrderErrorCode.APPROVAL_MISMATCH,
            f"payment order {idempotency_key} is for {order.amount:.2f} {order.currency} to {order.iban}, not this payment",
            field=field,
        )
    if order.status not in (PaymentOrderStatus.APPROVED, PaymentOrderStatus.SUBMITTED):
        raise DomainError(PaymentOrderErrorCode.NOT_APPROVED, f"payment order {idempotency_key} is {order.status}", field=field)
    approvals = await scoped(PaymentApproval).filter(order_id=order.id, voided_at__isnull=True)
    valid = [
        approval
        for approval in approvals
        if _by_a_second_person(approval, order)
        and (approval.idempotency_key, approval.iban, approval.amount, approval.currency)
        == (order.idempotency_key, order.iban, order.amount, order.currency)
    ]
    if not valid:
        raise DomainError(PaymentOrderErrorCode.NOT_APPROVED, f"payment order {idempotency_key} has no valid second approval", field=field)
    return order


async def mark_payment_submitted(*, idempotency_key: str, bank_payment_id: str) -> None:
    await scoped(PaymentOrder).filter(idempotency_key=idempotency_key).update(
        status=PaymentOrderStatus.SUBMITTED, bank_payment_id=bank_payment_id, submitted_at=clock.now(), updated_at=clock.now()
    )


async def approvals_of(*, order_ids: Sequence[uuid.UUID]) -> list[PaymentApproval]:
    return await scoped(PaymentApproval).filter(order_id__in=list(order_ids)).order_by("created_at")
