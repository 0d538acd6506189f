"""createSegment"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.marketing.types import SegmentNode
from domain.errors import DomainError
from domain.marketing import service as marketing_service


@strawberry.input
class CreateSegmentInput:
    name: str
    description: str | None = None


@strawberry.type
class CreateSegmentPayload:
    segment: SegmentNode | None
    user_errors: list[UserError]


async def create_segment(input: CreateSegmentInput) -> CreateSegmentPayload:
    try:
        async with in_transaction():
            segment = await marketing_service.create_segment(name=input.name, description=input.description)
    except DomainError as error:
        return CreateSegmentPayload(segment=None, user_errors=[user_error(error)])
    return CreateSegmentPayload(segment=SegmentNode.from_model(segment), user_errors=[])
