"""requestPayment"""

from __future__ import annotations

from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.bots.types import PaymentOrderNode
from api.context import Info
from api.errors import UserError, user_error
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class RequestPaymentInput:
    beneficiary: str
    iban: str
    amount: Decimal
    currency: str
    reference: str | None = None
    from_account: str | None = None
    idempotency_key: str | None = strawberry.field(default=None, description="Generated when omitted.")


@strawberry.type
class RequestPaymentPayload:
    payment: PaymentOrderNode | None
    user_errors: list[UserError]


async def request_payment(info: Info, input: RequestPaymentInput) -> RequestPaymentPayload:
    principal = info.context.require_principal()
    try:
        async with in_transaction():
            order = await finance_service.request_payment(
                beneficiary=input.beneficiary, iban=input.iban, amount=input.amount, currency=input.currency,
                reference=input.reference, from_account=input.from_account, idempotency_key=input.idempotency_key,
                requested_by=principal.subject, requester_person_id=principal.person_id,
            )
    except DomainError as error:
        return RequestPaymentPayload(payment=None, user_errors=[user_error(error)])
    return RequestPaymentPayload(payment=PaymentOrderNode.from_model(order), user_errors=[])
