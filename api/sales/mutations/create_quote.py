"""createQuote"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.inputs import SalesLineInput, domain_lines
from api.sales.types import QuoteNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class CreateQuoteInput:
    customer_id: strawberry.ID
    currency: str
    lines: list[SalesLineInput]
    deal_id: strawberry.ID | None = strawberry.field(default=None, description="One of the customer's deals.")
    valid_until: date | None = None


@strawberry.type
class CreateQuotePayload:
    quote: QuoteNode | None
    user_errors: list[UserError]


async def create_quote(input: CreateQuoteInput) -> CreateQuotePayload:
    try:
        async with in_transaction():
            quote = await sales_service.create_quote(
                customer_id=decode_input_id(input.customer_id, expected_type="Customer", field="customer_id"),
                deal_id=decode_input_id(input.deal_id, expected_type="Deal", field="deal_id") if input.deal_id else None,
                currency=input.currency, lines=domain_lines(input.lines), valid_until=input.valid_until,
            )
    except DomainError as error:
        return CreateQuotePayload(quote=None, user_errors=[user_error(error)])
    return CreateQuotePayload(quote=QuoteNode.from_model(quote), user_errors=[])
