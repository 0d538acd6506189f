"""completeObligation"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.legal.types import ObligationNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.legal import service as legal_service


@strawberry.input
class CompleteObligationInput:
    obligation_id: strawberry.ID
    on: date | None = None
    waived: bool = strawberry.field(default=False, description="true: released from it rather than done.")


@strawberry.type
class CompleteObligationPayload:
    obligation: ObligationNode | None
    user_errors: list[UserError]


async def complete_obligation(input: CompleteObligationInput) -> CompleteObligationPayload:
    try:
        async with in_transaction():
            obligation = await legal_service.complete_obligation(
                obligation_id=decode_input_id(input.obligation_id, expected_type="Obligation", field="obligation_id"),
                on=input.on, waived=input.waived,
            )
    except DomainError as error:
        return CompleteObligationPayload(obligation=None, user_errors=[user_error(error)])
    return CompleteObligationPayload(obligation=ObligationNode.from_model(obligation), user_errors=[])
