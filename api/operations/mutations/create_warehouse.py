"""createWarehouse"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.operations.types import WarehouseNode
from domain.errors import DomainError
from domain.operations import service as operations_service


@strawberry.input
class CreateWarehouseInput:
    code: str
    name: str


@strawberry.type
class CreateWarehousePayload:
    warehouse: WarehouseNode | None
    user_errors: list[UserError]


async def create_warehouse(input: CreateWarehouseInput) -> CreateWarehousePayload:
    try:
        async with in_transaction():
            warehouse = await operations_service.create_warehouse(code=input.code, name=input.name)
    except DomainError as error:
        return CreateWarehousePayload(warehouse=None, user_errors=[user_error(error)])
    return CreateWarehousePayload(warehouse=WarehouseNode.from_model(warehouse), user_errors=[])
