"""createSupplier"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.operations.types import SupplierNode
from domain.errors import DomainError
from domain.operations import service as operations_service


@strawberry.input
class CreateSupplierInput:
    name: str
    email: str | None = None


@strawberry.type
class CreateSupplierPayload:
    supplier: SupplierNode | None
    user_errors: list[UserError]


async def create_supplier(input: CreateSupplierInput) -> CreateSupplierPayload:
    try:
        async with in_transaction():
            supplier = await operations_service.create_supplier(name=input.name, email=input.email)
    except DomainError as error:
        return CreateSupplierPayload(supplier=None, user_errors=[user_error(error)])
    return CreateSupplierPayload(supplier=SupplierNode.from_model(supplier), user_errors=[])
