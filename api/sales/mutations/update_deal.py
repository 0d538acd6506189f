"""updateDeal"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.types import DealNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class UpdateDealInput:
    deal_id: strawberry.ID
    name: str | None = None
    amount: Decimal | None = None
    expected_close_on: date | None = None
    owner: str | None = None


@strawberry.type
class UpdateDealPayload:
    deal: DealNode | None
    user_errors: list[UserError]


async def update_deal(input: UpdateDealInput) -> UpdateDealPayload:
    try:
        async with in_transaction():
            deal = await sales_service.update_deal(
                deal_id=decode_input_id(input.deal_id, expected_type="Deal", field="deal_id"), name=input.name,
                amount=input.amount, expected_close_on=input.expected_close_on, owner=input.owner,
            )
    except DomainError as error:
        return UpdateDealPayload(deal=None, user_errors=[user_error(error)])
    return UpdateDealPayload(deal=DealNode.from_model(deal), user_errors=[])
