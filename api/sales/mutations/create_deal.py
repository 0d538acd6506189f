"""createDeal"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.types import DealNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class CreateDealInput:
    customer_id: strawberry.ID
    pipeline_id: strawberry.ID
    name: str
    amount: Decimal
    currency: str
    stage_id: strawberry.ID | None = strawberry.field(default=None, description="A stage of the pipeline; its first stage without it.")
    expected_close_on: date | None = None
    owner: str | None = None


@strawberry.type
class CreateDealPayload:
    deal: DealNode | None
    user_errors: list[UserError]


async def create_deal(info: Info, input: CreateDealInput) -> CreateDealPayload:
    try:
        async with in_transaction():
            deal = await sales_service.create_deal(
                customer_id=decode_input_id(input.customer_id, expected_type="Customer", field="customer_id"),
                pipeline_id=decode_input_id(input.pipeline_id, expected_type="Pipeline", field="pipeline_id"),
                stage_id=decode_input_id(input.stage_id, expected_type="PipelineStage", field="stage_id") if input.stage_id else None,
                name=input.name, amount=input.amount, currency=input.currency, expected_close_on=input.expected_close_on,
                owner=input.owner, created_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return CreateDealPayload(deal=None, user_errors=[user_error(error)])
    return CreateDealPayload(deal=DealNode.from_model(deal), user_errors=[])
