"""addObligation"""

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
class AddObligationInput:
    contract_id: strawberry.ID
    description: str
    due_date: date
    responsible_id: strawberry.ID | None = None


@strawberry.type
class AddObligationPayload:
    obligation: ObligationNode | None
    user_errors: list[UserError]


async def add_obligation(input: AddObligationInput) -> AddObligationPayload:
    try:
        async with in_transaction():
            obligation = await legal_service.add_obligation(
                contract_id=decode_input_id(input.contract_id, expected_type="Contract", field="contract_id"),
                description=input.description, due_date=input.due_date,
                responsible_id=(
                    decode_input_id(input.responsible_id, expected_type="Employee", field="responsible_id") if input.responsible_id else None
                ),
            )
    except DomainError as error:
        return AddObligationPayload(obligation=None, user_errors=[user_error(error)])
    return AddObligationPayload(obligation=ObligationNode.from_model(obligation), user_errors=[])
