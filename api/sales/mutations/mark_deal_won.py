"""markDealWon"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.types import DealNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class MarkDealWonInput:
    deal_id: strawberry.ID


@strawberry.type
class MarkDealWonPayload:
    deal: DealNode | None
    user_errors: list[UserError]


async def mark_deal_won(info: Info, input: MarkDealWonInput) -> MarkDealWonPayload:
    try:
        async with in_transaction():
            deal = await sales_service.mark_deal_won(
                deal_id=decode_input_id(input.deal_id, expected_type="Deal", field="deal_id"),
                changed_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return MarkDealWonPayload(deal=None, user_errors=[user_error(error)])
    return MarkDealWonPayload(deal=DealNode.from_model(deal), user_errors=[])
