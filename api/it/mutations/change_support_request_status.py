"""changeSupportRequestStatus"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.it.enums import SupportRequestStatus
from api.it.types import SupportRequestNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.it import service as it_service


@strawberry.input
class ChangeSupportRequestStatusInput:
    support_request_id: strawberry.ID
    status: SupportRequestStatus
    resolution: str | None = strawberry.field(default=None, description="Required to resolve a request.")


@strawberry.type
class ChangeSupportRequestStatusPayload:
    support_request: SupportRequestNode | None
    user_errors: list[UserError]


async def change_support_request_status(input: ChangeSupportRequestStatusInput) -> ChangeSupportRequestStatusPayload:
    try:
        async with in_transaction():
            request = await it_service.change_support_request_status(
                support_request_id=decode_input_id(input.support_request_id, expected_type="SupportRequest", field="support_request_id"),
                status=input.status, resolution=input.resolution,
            )
    except DomainError as error:
        return ChangeSupportRequestStatusPayload(support_request=None, user_errors=[user_error(error)])
    return ChangeSupportRequestStatusPayload(support_request=SupportRequestNode.from_model(request), user_errors=[])
