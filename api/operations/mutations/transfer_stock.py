"""transferStock"""

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
class TransferStockInput:
    product_id: strawberry.ID
    from_warehouse_id: strawberry.ID
    to_warehouse_id: strawberry.ID
    quantity: Decimal


@strawberry.type
class TransferStockPayload:
    outgoing: StockMovementNode | None
    incoming: StockMovementNode | None
    user_errors: list[UserError]


async def transfer_stock(info: Info, input: TransferStockInput) -> TransferStockPayload:
    try:
        async with in_transaction():
            outgoing, incoming = await operations_service.transfer_stock(
                product_id=decode_input_id(input.product_id, expected_type="Product", field="product_id"),
                from_warehouse_id=decode_input_id(input.from_warehouse_id, expected_type="Warehouse", field="from_warehouse_id"),
                to_warehouse_id=decode_input_id(input.to_warehouse_id, expected_type="Warehouse", field="to_warehouse_id"),
                quantity=input.quantity, moved_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return TransferStockPayload(outgoing=None, incoming=None, user_errors=[user_error(error)])
    return TransferStockPayload(
        outgoing=StockMovementNode.from_model(outgoing), incoming=StockMovementNode.from_model(incoming), user_errors=[]
    )
