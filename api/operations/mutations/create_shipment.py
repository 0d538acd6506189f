"""createShipment"""

from __future__ import annotations

from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.operations.types import ShipmentNode
from domain.errors import DomainError
from domain.operations import service as operations_service


@strawberry.input
class ShipmentLineInput:
    product_id: strawberry.ID
    quantity: Decimal


@strawberry.input
class CreateShipmentInput:
    warehouse_id: strawberry.ID
    lines: list[ShipmentLineInput]
    customer_id: strawberry.ID | None = None


@strawberry.type
class CreateShipmentPayload:
    shipment: ShipmentNode | None
    user_errors: list[UserError]


async def create_shipment(input: CreateShipmentInput) -> CreateShipmentPayload:
    try:
        async with in_transaction():
            lines = [
                operations_service.ShipmentLineInput(
                    product_id=decode_input_id(line.product_id, expected_type="Product", field=f"lines.{index}.product_id"),
                    quantity=line.quantity,
                )
                for index, line in enumerate(input.lines)
            ]
            shipment = await operations_service.create_shipment(
                warehouse_id=decode_input_id(input.warehouse_id, expected_type="Warehouse", field="warehouse_id"), lines=lines,
                customer_id=decode_input_id(input.customer_id, expected_type="Customer", field="customer_id") if input.customer_id else None,
            )
    except DomainError as error:
        return CreateShipmentPayload(shipment=None, user_errors=[user_error(error)])
    return CreateShipmentPayload(shipment=ShipmentNode.from_model(shipment), user_errors=[])
