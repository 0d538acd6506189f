"""createCampaign"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.marketing.enums import CampaignChannel
from api.marketing.types import CampaignNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.marketing import service as marketing_service
from domain.marketing.models import CampaignChannel as DomainChannel


@strawberry.input
class CreateCampaignInput:
    name: str
    channel: CampaignChannel
    segment_id: strawberry.ID | None = strawberry.field(default=None, description="Needed before the campaign can be launched.")
    starts_on: date | None = None
    ends_on: date | None = None
    budget: Decimal | None = None
    currency: str | None = strawberry.field(default=None, description="Required with a budget.")


@strawberry.type
class CreateCampaignPayload:
    campaign: CampaignNode | None
    user_errors: list[UserError]


async def create_campaign(input: CreateCampaignInput) -> CreateCampaignPayload:
    try:
        async with in_transaction():
            campaign = await marketing_service.create_campaign(
                name=input.name, channel=DomainChannel(input.channel.value),
                segment_id=decode_input_id(input.segment_id, expected_type="Segment", field="segment_id") if input.segment_id else None,
                starts_on=input.starts_on, ends_on=input.ends_on, budget=input.budget, currency=input.currency,
            )
    except DomainError as error:
        return CreateCampaignPayload(campaign=None, user_errors=[user_error(error)])
    return CreateCampaignPayload(campaign=CampaignNode.from_model(campaign), user_errors=[])
