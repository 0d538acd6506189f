"""setSalary"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.hr.enums import SalaryPeriod
from api.hr.types import SalaryNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.hr import service as hr_service


@strawberry.input
class SetSalaryInput:
    employee_id: strawberry.ID
    amount: Decimal
    currency: str
    period: SalaryPeriod
    effective_from: date


@strawberry.type
class SetSalaryPayload:
    salary: SalaryNode | None
    user_errors: list[UserError]


async def set_salary(input: SetSalaryInput) -> SetSalaryPayload:
    try:
        async with in_transaction():
            salary = await hr_service.set_salary(
                employee_id=decode_input_id(input.employee_id, expected_type="Employee", field="employee_id"),
                amount=input.amount, currency=input.currency, period=input.period, effective_from=input.effective_from,
            )
    except DomainError as error:
        return SetSalaryPayload(salary=None, user_errors=[user_error(error)])
    return SetSalaryPayload(salary=SalaryNode.from_model(salary), user_errors=[])
