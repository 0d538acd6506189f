"""createProduct"""

from __future__ import annotations

from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.operations.types import ProductNode
from domain.errors import DomainError
from domain.operations import service as operations_service


@strawberry.input
class CreateProductInput:
    sku: str
    name: str
    unit: str = "pcs"
    reorder_point: Decimal = strawberry.field(default=Decimal(0), description="Reorder when stock over all warehouses falls below this.")
    reorder_quantity: Decimal = Decimal(0)
    preferred_supplier_id: strawberry.ID | None = None


@strawberry.type
class CreateProductPayload:
    product: ProductNode | None
    user_errors: list[UserError]


async def create_product(input: CreateProductInput) -> CreateProductPayload:
    try:
        async with in_transaction():
            product = await operations_service.create_product(
                sku=input.sku, name=input.name, unit=input.unit, reorder_point=input.reorder_point,
                reorder_quantity=input.reorder_quantity,
                preferred_supplier_id=(
                    decode_input_id(input.preferred_supplier_id, expected_type="Supplier", field="preferred_supplier_id")
                    if input.preferred_supplier_id else None
                ),
            )
    except DomainError as error:
        return CreateProductPayload(product=None, user_errors=[user_error(error)])
    return CreateProductPayload(product=ProductNode.from_model(product), user_errors=[])
