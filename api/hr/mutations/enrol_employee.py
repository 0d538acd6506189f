"""enrolEmployee"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.hr.types import TrainingEnrolmentNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.hr import service as hr_service


@strawberry.input
class EnrolEmployeeInput:
    training_id: strawberry.ID
    employee_id: strawberry.ID


@strawberry.type
class EnrolEmployeePayload:
    enrolment: TrainingEnrolmentNode | None
    user_errors: list[UserError]


async def enrol_employee(input: EnrolEmployeeInput) -> EnrolEmployeePayload:
    try:
        async with in_transaction():
            enrolment = await hr_service.enrol_employee(
                training_id=decode_input_id(input.training_id, expected_type="Training", field="training_id"),
                employee_id=decode_input_id(input.employee_id, expected_type="Employee", field="employee_id"),
            )
    except DomainError as error:
        return EnrolEmployeePayload(enrolment=None, user_errors=[user_error(error)])
    return EnrolEmployeePayload(enrolment=TrainingEnrolmentNode.from_model(enrolment), user_errors=[])
