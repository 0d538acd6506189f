"""openSupportRequest"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.it.enums import RequestPriority
from api.it.types import SupportRequestNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.it import service as it_service
from domain.it.models import RequestPriority as DomainPriority


@strawberry.input
class OpenSupportRequestInput:
    requester_id: strawberry.ID
    subject: str
    description: str | None = None
    asset_id: strawberry.ID | None = None
    priority: RequestPriority = DomainPriority.NORMAL


@strawberry.type
class OpenSupportRequestPayload:
    support_request: SupportRequestNode | None
    user_errors: list[UserError]


async def open_support_request(input: OpenSupportRequestInput) -> OpenSupportRequestPayload:
    try:
        async with in_transaction():
            request = await it_service.open_support_request(
                requester_id=decode_input_id(input.requester_id, expected_type="Employee", field="requester_id"),
                subject=input.subject, description=input.description, priority=input.priority,
                asset_id=decode_input_id(input.asset_id, expected_type="Asset", field="asset_id") if input.asset_id else None,
            )
    except DomainError as error:
        return OpenSupportRequestPayload(support_request=None, user_errors=[user_error(error)])
    return OpenSupportRequestPayload(support_request=SupportRequestNode.from_model(request), user_errors=[])
