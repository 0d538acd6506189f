"""createSalesOrder"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.inputs import SalesLineInput, domain_lines
from api.sales.types import SalesOrderNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class CreateSalesOrderInput:
    customer_id: strawberry.ID
    currency: str
    lines: list[SalesLineInput]
    deal_id: strawberry.ID | None = strawberry.field(default=None, description="One of the customer's deals.")
    ordered_on: date | None = strawberry.field(default=None, description="Today without it.")


@strawberry.type
class CreateSalesOrderPayload:
    sales_order: SalesOrderNode | None
    user_errors: list[UserError]


async def create_sales_order(input: CreateSalesOrderInput) -> CreateSalesOrderPayload:
    try:
        async with in_transaction():
            order = await sales_service.create_sales_order(
                customer_id=decode_input_id(input.customer_id, expected_type="Customer", field="customer_id"),
                deal_id=decode_input_id(input.deal_id, expected_type="Deal", field="deal_id") if input.deal_id else None,
                currency=input.currency, lines=domain_lines(input.lines), ordered_on=input.ordered_on,
            )
    except DomainError as error:
        return CreateSalesOrderPayload(sales_order=None, user_errors=[user_error(error)])
    return CreateSalesOrderPayload(sales_order=SalesOrderNode.from_model(order), user_errors=[])
