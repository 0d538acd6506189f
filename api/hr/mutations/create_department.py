"""createDepartment"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.hr.types import DepartmentNode
from domain.errors import DomainError
from domain.hr import service as hr_service


@strawberry.input
class CreateDepartmentInput:
    name: str
    code: str | None = None


@strawberry.type
class CreateDepartmentPayload:
    department: DepartmentNode | None
    user_errors: list[UserError]


async def create_department(input: CreateDepartmentInput) -> CreateDepartmentPayload:
    try:
        async with in_transaction():
            department = await hr_service.create_department(name=input.name, code=input.code)
    except DomainError as error:
        return CreateDepartmentPayload(department=None, user_errors=[user_error(error)])
    return CreateDepartmentPayload(department=DepartmentNode.from_model(department), user_errors=[])
