"""hireCandidate"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.hr.types import CandidateNode, EmployeeNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.hr import service as hr_service


@strawberry.input
class HireCandidateInput:
    candidate_id: strawberry.ID
    hired_on: date
    department_id: strawberry.ID
    position_id: strawberry.ID | None = strawberry.field(default=None, description="The position applied for when not given.")


@strawberry.type
class HireCandidatePayload:
    candidate: CandidateNode | None
    employee: EmployeeNode | None
    user_errors: list[UserError]


async def hire_candidate(info: Info, input: HireCandidateInput) -> HireCandidatePayload:
    try:
        async with in_transaction():
            candidate_id = decode_input_id(input.candidate_id, expected_type="Candidate", field="candidate_id")
            employee = await hr_service.hire_candidate(
                candidate_id=candidate_id, hired_on=input.hired_on,
                department_id=decode_input_id(input.department_id, expected_type="Department", field="department_id"),
                position_id=decode_input_id(input.position_id, expected_type="Position", field="position_id") if input.position_id else None,
                hired_by=info.context.require_principal().subject,
            )
            candidate = await hr_service.get_candidate_or_raise(candidate_id=candidate_id)
    except DomainError as error:
        return HireCandidatePayload(candidate=None, employee=None, user_errors=[user_error(error)])
    return HireCandidatePayload(candidate=CandidateNode.from_model(candidate), employee=EmployeeNode.from_model(employee), user_errors=[])
