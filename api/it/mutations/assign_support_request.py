"""assignSupportRequest"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.it.types import SupportRequestNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.it import service as it_service


@strawberry.input
class AssignSupportRequestInput:
    support_request_id: strawberry.ID
    employee_id: strawberry.ID


@strawberry.type
class AssignSupportRequestPayload:
    support_request: SupportRequestNode | None
    user_errors: list[UserError]


async def assign_support_request(input: AssignSupportRequestInput) -> AssignSupportRequestPayload:
    try:
        async with in_transaction():
            request = await it_service.assign_support_request(
                support_request_id=decode_input_id(input.support_request_id, expected_type="SupportRequest", field="support_request_id"),
                employee_id=decode_input_id(input.employee_id, expected_type="Employee", field="employee_id"),
            )
    except DomainError as error:
        return AssignSupportRequestPayload(support_request=None, user_errors=[user_error(error)])
    return AssignSupportRequestPayload(support_request=SupportRequestNode.from_model(request), user_errors=[])
