"""moveCandidateToStage"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.hr.enums import RecruitmentStage
from api.hr.types import CandidateNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.hr import service as hr_service


@strawberry.input
class MoveCandidateToStageInput:
    candidate_id: strawberry.ID
    stage: RecruitmentStage = strawberry.field(description="A later stage, or REJECTED; HIRED goes through hireCandidate.")


@strawberry.type
class MoveCandidateToStagePayload:
    candidate: CandidateNode | None
    user_errors: list[UserError]


async def move_candidate_to_stage(input: MoveCandidateToStageInput) -> MoveCandidateToStagePayload:
    try:
        async with in_transaction():
            candidate = await hr_service.move_candidate_to_stage(
                candidate_id=decode_input_id(input.candidate_id, expected_type="Candidate", field="candidate_id"), stage=input.stage
            )
    except DomainError as error:
        return MoveCandidateToStagePayload(candidate=None, user_errors=[user_error(error)])
    return MoveCandidateToStagePayload(candidate=CandidateNode.from_model(candidate), user_errors=[])
