"""createPosition"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.hr.types import PositionNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.hr import service as hr_service


@strawberry.input
class CreatePositionInput:
    title: str
    department_id: strawberry.ID | None = None


@strawberry.type
class CreatePositionPayload:
    position: PositionNode | None
    user_errors: list[UserError]


async def create_position(input: CreatePositionInput) -> CreatePositionPayload:
    try:
        async with in_transaction():
            position = await hr_service.create_position(
                title=input.title,
                department_id=(
                    decode_input_id(input.department_id, expected_type="Department", field="department_id") if input.department_id else None
                ),
            )
    except DomainError as error:
        return CreatePositionPayload(position=None, user_errors=[user_error(error)])
    return CreatePositionPayload(position=PositionNode.from_model(position), user_errors=[])
