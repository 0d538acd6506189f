"""adjustStock"""

from __future__ import annotations

from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.operations.types import StockMovementNode
from domain.errors import DomainError
from domain.operations import service as operations_service


@strawberry.input
class AdjustStockInput:
    product_id: strawberry.ID
    warehouse_id: strawberry.ID
    quantity_change: Decimal = strawberry.field(description="Signed: positive adds stock, negative removes it (never below zero).")
    reason: str


@strawberry.type
class AdjustStockPayload:
    movement: StockMovementNode | None
    user_errors: list[UserError]


async def adjust_stock(info: Info, input: AdjustStockInput) -> AdjustStockPayload:
    try:
        async with in_transaction():
            movement = await operations_service.adjust_stock(
                product_id=decode_input_id(input.product_id, expected_type="Product", field="product_id"),
                warehouse_id=decode_input_id(input.warehouse_id, expected_type="Warehouse", field="warehouse_id"),
                quantity_change=input.quantity_change, reason=input.reason, moved_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return AdjustStockPayload(movement=None, user_errors=[user_error(error)])
    return AdjustStockPayload(movement=StockMovementNode.from_model(movement), user_errors=[])
