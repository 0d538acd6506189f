"""createCandidate"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.hr.types import CandidateNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.hr import service as hr_service


@strawberry.input
class CreateCandidateInput:
    first_name: str
    last_name: str
    applied_on: date
    email: str | None = None
    position_id: strawberry.ID | None = None


@strawberry.type
class CreateCandidatePayload:
    candidate: CandidateNode | None
    user_errors: list[UserError]


async def create_candidate(input: CreateCandidateInput) -> CreateCandidatePayload:
    try:
        async with in_transaction():
            candidate = await hr_service.create_candidate(
                first_name=input.first_name, last_name=input.last_name, applied_on=input.applied_on, email=input.email,
                position_id=decode_input_id(input.position_id, expected_type="Position", field="position_id") if input.position_id else None,
            )
    except DomainError as error:
        return CreateCandidatePayload(candidate=None, user_errors=[user_error(error)])
    return CreateCandidatePayload(candidate=CandidateNode.from_model(candidate), user_errors=[])
