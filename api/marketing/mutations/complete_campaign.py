"""completeCampaign"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.marketing.types import CampaignNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.marketing import service as marketing_service


@strawberry.input
class CompleteCampaignInput:
    campaign_id: strawberry.ID


@strawberry.type
class CompleteCampaignPayload:
    campaign: CampaignNode | None
    user_errors: list[UserError]


async def complete_campaign(input: CompleteCampaignInput) -> CompleteCampaignPayload:
    try:
        async with in_transaction():
            campaign = await marketing_service.complete_campaign(
                campaign_id=decode_input_id(input.campaign_id, expected_type="Campaign", field="campaign_id")
            )
    except DomainError as error:
        return CompleteCampaignPayload(campaign=None, user_errors=[user_error(error)])
    return CompleteCampaignPayload(campaign=CampaignNode.from_model(campaign), user_errors=[])
