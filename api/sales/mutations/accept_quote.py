"""acceptQuote"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.types import QuoteNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class AcceptQuoteInput:
    quote_id: strawberry.ID


@strawberry.type
class AcceptQuotePayload:
    quote: QuoteNode | None
    user_errors: list[UserError]


async def accept_quote(input: AcceptQuoteInput) -> AcceptQuotePayload:
    try:
        async with in_transaction():
            quote = await sales_service.accept_quote(quote_id=decode_input_id(input.quote_id, expected_type="Quote", field="quote_id"))
    except DomainError as error:
        return AcceptQuotePayload(quote=None, user_errors=[user_error(error)])
    return AcceptQuotePayload(quote=QuoteNode.from_model(quote), user_errors=[])
