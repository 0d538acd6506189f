"""updateProduct"""

from __future__ import annotations

from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.operations.types import ProductNode
from domain.errors import DomainError
from domain.operations import service as operations_service


@strawberry.input(description="Only the given fields change.")
class UpdateProductInput:
    id: strawberry.ID
    name: str | None = None
    reorder_point: Decimal | None = None
    reorder_quantity: Decimal | None = None
    active: bool | None = None


@strawberry.type
class UpdateProductPayload:
    product: ProductNode | None
    user_errors: list[UserError]


async def update_product(input: UpdateProductInput) -> UpdateProductPayload:
    try:
        async with in_transaction():
            product = await operations_service.update_product(
                product_id=decode_input_id(input.id, expected_type="Product", field="id"), name=input.name,
                reorder_point=input.reorder_point, reorder_quantity=input.reorder_quantity, active=input.active,
            )
    except DomainError as error:
        return UpdateProductPayload(product=None, user_errors=[user_error(error)])
    return UpdateProductPayload(product=ProductNode.from_model(product), user_errors=[])
