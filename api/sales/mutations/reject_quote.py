"""rejectQuote"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.types import QuoteNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class RejectQuoteInput:
    quote_id: strawberry.ID


@strawberry.type
class RejectQuotePayload:
    quote: QuoteNode | None
    user_errors: list[UserError]


async def reject_quote(input: RejectQuoteInput) -> RejectQuotePayload:
    try:
        async with in_transaction():
            quote = await sales_service.reject_quote(quote_id=decode_input_id(input.quote_id, expected_type="Quote", field="quote_id"))
    except DomainError as error:
        return RejectQuotePayload(quote=None, user_errors=[user_error(error)])
    return RejectQuotePayload(quote=QuoteNode.from_model(quote), user_errors=[])
