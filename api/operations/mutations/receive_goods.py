"""receiveGoods"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.operations.types import GoodsReceiptNode, PurchaseOrderNode
from domain.errors import DomainError
from domain.operations import service as operations_service


@strawberry.input
class ReceiptLineInput:
    purchase_order_line_id: strawberry.ID
    quantity: Decimal


@strawberry.input
class ReceiveGoodsInput:
    purchase_order_id: strawberry.ID
    lines: list[ReceiptLineInput]
    received_on: date | None = None


@strawberry.type
class ReceiveGoodsPayload:
    goods_receipt: GoodsReceiptNode | None
    purchase_order: PurchaseOrderNode | None
    user_errors: list[UserError]


async def receive_goods(info: Info, input: ReceiveGoodsInput) -> ReceiveGoodsPayload:
    try:
        async with in_transaction():
            order_id = decode_input_id(input.purchase_order_id, expected_type="PurchaseOrder", field="purchase_order_id")
            lines = [
                operations_service.ReceiptLineInput(
                    purchase_order_line_id=decode_input_id(
                        line.purchase_order_line_id, expected_type="PurchaseOrderLine", field=f"lines.{index}.purchase_order_line_id"
                    ),
                    quantity=line.quantity,
                )
                for index, line in enumerate(input.lines)
            ]
            receipt = await operations_service.receive_goods(
                purchase_order_id=order_id, lines=lines, received_on=input.received_on, received_by=info.context.require_principal().subject
            )
            order = await operations_service.get_purchase_order_or_raise(purchase_order_id=order_id)
    except DomainError as error:
        return ReceiveGoodsPayload(goods_receipt=None, purchase_order=None, user_errors=[user_error(error)])
    return ReceiveGoodsPayload(
        goods_receipt=GoodsReceiptNode.from_model(receipt), purchase_order=PurchaseOrderNode.from_model(order), user_errors=[]
    )
