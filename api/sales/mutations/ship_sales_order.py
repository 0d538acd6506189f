"""shipSalesOrder"""

from __future__ import annotations

from typing import Annotated

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.sales import service as sales_service

Shipment = Annotated["ShipmentNode", strawberry.lazy("api.operations.types")]


@strawberry.input
class ShipSalesOrderInput:
    sales_order_id: strawberry.ID
    warehouse_id: strawberry.ID = strawberry.field(description="Where the order's products leave from.")


@strawberry.type
class ShipSalesOrderPayload:
    shipment: Shipment | None
    user_errors: list[UserError]


async def ship_sales_order(input: ShipSalesOrderInput) -> ShipSalesOrderPayload:
    from api.operations.types import ShipmentNode

    try:
        async with in_transaction():
            shipment = await sales_service.ship_sales_order(
                sales_order_id=decode_input_id(input.sales_order_id, expected_type="SalesOrder", field="sales_order_id"),
                warehouse_id=decode_input_id(input.warehouse_id, expected_type="Warehouse", field="warehouse_id"),
            )
    except DomainError as error:
        return ShipSalesOrderPayload(shipment=None, user_errors=[user_error(error)])
    return ShipSalesOrderPayload(shipment=ShipmentNode.from_model(shipment), user_errors=[])
