"""cancelPurchaseOrder"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.operations.types import PurchaseOrderNode
from domain.errors import DomainError
from domain.operations import service as operations_service


@strawberry.input
class CancelPurchaseOrderInput:
    purchase_order_id: strawberry.ID


@strawberry.type
class CancelPurchaseOrderPayload:
    purchase_order: PurchaseOrderNode | None
    user_errors: list[UserError]


async def cancel_purchase_order(input: CancelPurchaseOrderInput) -> CancelPurchaseOrderPayload:
    try:
        async with in_transaction():
            order = await operations_service.cancel_purchase_order(
                purchase_order_id=decode_input_id(input.purchase_order_id, expected_type="PurchaseOrder", field="purchase_order_id")
            )
    except DomainError as error:
        return CancelPurchaseOrderPayload(purchase_order=None, user_errors=[user_error(error)])
    return CancelPurchaseOrderPayload(purchase_order=PurchaseOrderNode.from_model(order), user_errors=[])
