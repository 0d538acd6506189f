"""cancelShipment"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.operations.types import ShipmentNode
from domain.errors import DomainError
from domain.operations import service as operations_service


@strawberry.input
class CancelShipmentInput:
    shipment_id: strawberry.ID


@strawberry.type
class CancelShipmentPayload:
    shipment: ShipmentNode | None
    user_errors: list[UserError]


async def cancel_shipment(input: CancelShipmentInput) -> CancelShipmentPayload:
    try:
        async with in_transaction():
            shipment = await operations_service.cancel_shipment(
                shipment_id=decode_input_id(input.shipment_id, expected_type="Shipment", field="shipment_id")
            )
    except DomainError as error:
        return CancelShipmentPayload(shipment=None, user_errors=[user_error(error)])
    return CancelShipmentPayload(shipment=ShipmentNode.from_model(shipment), user_errors=[])
