"""approvePayment"""

from __future__ import annotations

import strawberry

from api.bots.types import PaymentOrderNode
from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class ApprovePaymentInput:
    id: strawberry.ID


@strawberry.type
class ApprovePaymentPayload:
    payment: PaymentOrderNode | None
    user_errors: list[UserError]


async def approve_payment(info: Info, input: ApprovePaymentInput) -> ApprovePaymentPayload:
    principal = info.context.require_principal()
    try:
        # No savepoint here: the service keeps its own, so that a refusal's audit entry outlives it.
        order = await finance_service.approve_payment(
            order_id=decode_input_id(input.id, expected_type="OutgoingPayment", field="id"),
            approved_by=principal.subject, approver_person_id=principal.person_id,
        )
    except DomainError as error:
        return ApprovePaymentPayload(payment=None, user_errors=[user_error(error)])
    return ApprovePaymentPayload(payment=PaymentOrderNode.from_model(order), user_errors=[])
