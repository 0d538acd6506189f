"""markSalesOrderFulfilled"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.types import SalesOrderNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class MarkSalesOrderFulfilledInput:
    sales_order_id: strawberry.ID


@strawberry.type
class MarkSalesOrderFulfilledPayload:
    sales_order: SalesOrderNode | None
    user_errors: list[UserError]


async def mark_sales_order_fulfilled(input: MarkSalesOrderFulfilledInput) -> MarkSalesOrderFulfilledPayload:
    try:
        async with in_transaction():
            order = await sales_service.mark_sales_order_fulfilled(
                sales_order_id=decode_input_id(input.sales_order_id, expected_type="SalesOrder", field="sales_order_id")
            )
    except DomainError as error:
        return MarkSalesOrderFulfilledPayload(sales_order=None, user_errors=[user_error(error)])
    return MarkSalesOrderFulfilledPayload(sales_order=SalesOrderNode.from_model(order), user_errors=[])
