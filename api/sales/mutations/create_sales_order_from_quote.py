"""createSalesOrderFromQuote"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.types import SalesOrderNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class CreateSalesOrderFromQuoteInput:
    quote_id: strawberry.ID = strawberry.field(description="An accepted quote; the order gets its lines.")
    ordered_on: date | None = strawberry.field(default=None, description="Today without it.")


@strawberry.type
class CreateSalesOrderFromQuotePayload:
    sales_order: SalesOrderNode | None
    user_errors: list[UserError]


async def create_sales_order_from_quote(input: CreateSalesOrderFromQuoteInput) -> CreateSalesOrderFromQuotePayload:
    try:
        async with in_transaction():
            order = await sales_service.create_sales_order_from_quote(
                quote_id=decode_input_id(input.quote_id, expected_type="Quote", field="quote_id"), ordered_on=input.ordered_on
            )
    except DomainError as error:
        return CreateSalesOrderFromQuotePayload(sales_order=None, user_errors=[user_error(error)])
    return CreateSalesOrderFromQuotePayload(sales_order=SalesOrderNode.from_model(order), user_errors=[])
