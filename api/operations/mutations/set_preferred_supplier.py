"""setPreferredSupplier"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.operations.types import ProductNode
from domain.errors import DomainError
from domain.operations import service as operations_service


@strawberry.input
class SetPreferredSupplierInput:
    product_id: strawberry.ID
    supplier_id: strawberry.ID | None = strawberry.field(default=None, description="null clears the preferred supplier.")


@strawberry.type
class SetPreferredSupplierPayload:
    product: ProductNode | None
    user_errors: list[UserError]


async def set_preferred_supplier(input: SetPreferredSupplierInput) -> SetPreferredSupplierPayload:
    try:
        async with in_transaction():
            product = await operations_service.set_preferred_supplier(
                product_id=decode_input_id(input.product_id, expected_type="Product", field="product_id"),
                supplier_id=decode_input_id(input.supplier_id, expected_type="Supplier", field="supplier_id") if input.supplier_id else None,
            )
    except DomainError as error:
        return SetPreferredSupplierPayload(product=None, user_errors=[user_error(error)])
    return SetPreferredSupplierPayload(product=ProductNode.from_model(product), user_errors=[])
