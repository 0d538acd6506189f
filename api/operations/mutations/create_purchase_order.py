"""createPurchaseOrder"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.operations.types import PurchaseOrderNode
from domain.errors import DomainError
from domain.operations import service as operations_service


@strawberry.input
class PurchaseOrderLineInput:
    product_id: strawberry.ID
    quantity: Decimal
    unit_price: Decimal


@strawberry.input
class CreatePurchaseOrderInput:
    supplier_id: strawberry.ID
    warehouse_id: strawberry.ID = strawberry.field(description="Where the goods will be received.")
    currency: str
    lines: list[PurchaseOrderLineInput]
    ordered_on: date | None = None
    expected_on: date | None = None
    number: str | None = strawberry.field(default=None, description="Numbered PO-000001, PO-000002, … when not given.")


@strawberry.type
class CreatePurchaseOrderPayload:
    purchase_order: PurchaseOrderNode | None
    user_errors: list[UserError]


async def create_purchase_order(input: CreatePurchaseOrderInput) -> CreatePurchaseOrderPayload:
    try:
        async with in_transaction():
            lines = [
                operations_service.PurchaseOrderLineInput(
                    product_id=decode_input_id(line.product_id, expected_type="Product", field=f"lines.{index}.product_id"),
                    quantity=line.quantity, unit_price=line.unit_price,
                )
                for index, line in enumerate(input.lines)
            ]
            order = await operations_service.create_purchase_order(
                supplier_id=decode_input_id(input.supplier_id, expected_type="Supplier", field="supplier_id"),
                warehouse_id=decode_input_id(input.warehouse_id, expected_type="Warehouse", field="warehouse_id"),
                currency=input.currency, lines=lines, ordered_on=input.ordered_on, expected_on=input.expected_on, number=input.number,
            )
    except DomainError as error:
        return CreatePurchaseOrderPayload(purchase_order=None, user_errors=[user_error(error)])
    return CreatePurchaseOrderPayload(purchase_order=PurchaseOrderNode.from_model(order), user_errors=[])
