"""hireEmployee"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.hr.types import EmployeeNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.hr import service as hr_service


@strawberry.input
class HireEmployeeInput:
    first_name: str
    last_name: str
    hired_on: date
    department_id: strawberry.ID
    position_id: strawberry.ID | None = None
    email: str | None = None
    employee_number: str | None = strawberry.field(default=None, description="Numbered E-000001, E-000002, … when not given.")


@strawberry.type
class HireEmployeePayload:
    employee: EmployeeNode | None
    user_errors: list[UserError]


async def hire_employee(info: Info, input: HireEmployeeInput) -> HireEmployeePayload:
    try:
        async with in_transaction():
            employee = await hr_service.hire_employee(
                first_name=input.first_name, last_name=input.last_name, hired_on=input.hired_on,
                department_id=decode_input_id(input.department_id, expected_type="Department", field="department_id"),
                position_id=decode_input_id(input.position_id, expected_type="Position", field="position_id") if input.position_id else None,
                email=input.email, employee_number=input.employee_number, hired_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return HireEmployeePayload(employee=None, user_errors=[user_error(error)])
    return HireEmployeePayload(employee=EmployeeNode.from_model(employee), user_errors=[])
