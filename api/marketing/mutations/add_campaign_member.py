"""addCampaignMember"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.marketing.types import CampaignMemberNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.marketing import service as marketing_service


@strawberry.input
class AddCampaignMemberInput:
    campaign_id: strawberry.ID
    contact_id: strawberry.ID


@strawberry.type
class AddCampaignMemberPayload:
    member: CampaignMemberNode | None
    user_errors: list[UserError]


async def add_campaign_member(input: AddCampaignMemberInput) -> AddCampaignMemberPayload:
    try:
        async with in_transaction():
            member = await marketing_service.add_campaign_member(
                campaign_id=decode_input_id(input.campaign_id, expected_type="Campaign", field="campaign_id"),
                contact_id=decode_input_id(input.contact_id, expected_type="Contact", field="contact_id"),
            )
    except DomainError as error:
        return AddCampaignMemberPayload(member=None, user_errors=[user_error(error)])
    return AddCampaignMemberPayload(member=CampaignMemberNode.from_model(member), user_errors=[])
