"""shipShipment"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.operations.types import ShipmentNode
from domain.errors import DomainError
from domain.operations import service as operations_service


@strawberry.input
class ShipShipmentInput:
    shipment_id: strawberry.ID
    carrier: str | None = None
    tracking_number: str | None = None


@strawberry.type
class ShipShipmentPayload:
    shipment: ShipmentNode | None
    user_errors: list[UserError]


async def ship_shipment(info: Info, input: ShipShipmentInput) -> ShipShipmentPayload:
    try:
        async with in_transaction():
            shipment = await operations_service.ship_shipment(
                shipment_id=decode_input_id(input.shipment_id, expected_type="Shipment", field="shipment_id"),
                carrier=input.carrier, tracking_number=input.tracking_number, shipped_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return ShipShipmentPayload(shipment=None, user_errors=[user_error(error)])
    return ShipShipmentPayload(shipment=ShipmentNode.from_model(shipment), user_errors=[])
