"""terminateEmployee"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.hr.types import EmployeeNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.hr import service as hr_service


@strawberry.input
class TerminateEmployeeInput:
    employee_id: strawberry.ID
    on: date = strawberry.field(description="The last day of employment.")


@strawberry.type
class TerminateEmployeePayload:
    employee: EmployeeNode | None
    user_errors: list[UserError]


async def terminate_employee(input: TerminateEmployeeInput) -> TerminateEmployeePayload:
    try:
        async with in_transaction():
            employee = await hr_service.terminate_employee(
                employee_id=decode_input_id(input.employee_id, expected_type="Employee", field="employee_id"), on=input.on
            )
    except DomainError as error:
        return TerminateEmployeePayload(employee=None, user_errors=[user_error(error)])
    return TerminateEmployeePayload(employee=EmployeeNode.from_model(employee), user_errors=[])
