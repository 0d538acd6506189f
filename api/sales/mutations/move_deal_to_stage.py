"""moveDealToStage"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.types import DealNode, DealStageChangeNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class MoveDealToStageInput:
    deal_id: strawberry.ID
    stage_id: strawberry.ID = strawberry.field(description="Another stage of the deal's own pipeline, forward or back.")


@strawberry.type
class MoveDealToStagePayload:
    deal: DealNode | None
    stage_change: DealStageChangeNode | None
    user_errors: list[UserError]


async def move_deal_to_stage(info: Info, input: MoveDealToStageInput) -> MoveDealToStagePayload:
    try:
        async with in_transaction():
            change = await sales_service.move_deal_to_stage(
                deal_id=decode_input_id(input.deal_id, expected_type="Deal", field="deal_id"),
                stage_id=decode_input_id(input.stage_id, expected_type="PipelineStage", field="stage_id"),
                changed_by=info.context.require_principal().subject,
            )
            deal = await sales_service.get_deal_or_raise(deal_id=change.deal_id)
    except DomainError as error:
        return MoveDealToStagePayload(deal=None, stage_change=None, user_errors=[user_error(error)])
    return MoveDealToStagePayload(deal=DealNode.from_model(deal), stage_change=DealStageChangeNode.from_model(change), user_errors=[])
