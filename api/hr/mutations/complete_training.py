"""completeTraining"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.hr.types import TrainingEnrolmentNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.hr import service as hr_service


@strawberry.input
class CompleteTrainingInput:
    enrolment_id: strawberry.ID
    completed_on: date


@strawberry.type
class CompleteTrainingPayload:
    enrolment: TrainingEnrolmentNode | None
    user_errors: list[UserError]


async def complete_training(input: CompleteTrainingInput) -> CompleteTrainingPayload:
    try:
        async with in_transaction():
            enrolment = await hr_service.complete_training(
                enrolment_id=decode_input_id(input.enrolment_id, expected_type="TrainingEnrolment", field="enrolment_id"),
                completed_on=input.completed_on,
            )
    except DomainError as error:
        return CompleteTrainingPayload(enrolment=None, user_errors=[user_error(error)])
    return CompleteTrainingPayload(enrolment=TrainingEnrolmentNode.from_model(enrolment), user_errors=[])
