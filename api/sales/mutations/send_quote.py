"""sendQuote"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.types import QuoteNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class SendQuoteInput:
    quote_id: strawberry.ID


@strawberry.type
class SendQuotePayload:
    quote: QuoteNode | None
    user_errors: list[UserError]


async def send_quote(input: SendQuoteInput) -> SendQuotePayload:
    try:
        async with in_transaction():
            quote = await sales_service.send_quote(quote_id=decode_input_id(input.quote_id, expected_type="Quote", field="quote_id"))
    except DomainError as error:
        return SendQuotePayload(quote=None, user_errors=[user_error(error)])
    return SendQuotePayload(quote=QuoteNode.from_model(quote), user_errors=[])
