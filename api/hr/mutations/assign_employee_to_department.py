"""assignEmployeeToDepartment"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.hr.types import DepartmentAssignmentNode, EmployeeNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.hr import service as hr_service


@strawberry.input
class AssignEmployeeToDepartmentInput:
    employee_id: strawberry.ID
    department_id: strawberry.ID
    on: date | None = strawberry.field(default=None, description="The first day in the new department (today when not given).")


@strawberry.type
class AssignEmployeeToDepartmentPayload:
    employee: EmployeeNode | None
    assignment: DepartmentAssignmentNode | None
    user_errors: list[UserError]


async def assign_employee_to_department(info: Info, input: AssignEmployeeToDepartmentInput) -> AssignEmployeeToDepartmentPayload:
    try:
        async with in_transaction():
            employee_id = decode_input_id(input.employee_id, expected_type="Employee", field="employee_id")
            assignment = await hr_service.assign_employee_to_department(
                employee_id=employee_id,
                department_id=decode_input_id(input.department_id, expected_type="Department", field="department_id"),
                on=input.on, assigned_by=info.context.require_principal().subject,
            )
            employee = await hr_service.get_employee_or_raise(employee_id=employee_id)
    except DomainError as error:
        return AssignEmployeeToDepartmentPayload(employee=None, assignment=None, user_errors=[user_error(error)])
    return AssignEmployeeToDepartmentPayload(
        employee=EmployeeNode.from_model(employee), assignment=DepartmentAssignmentNode.from_model(assignment), user_errors=[]
    )
