"""recordCampaignResponse"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.marketing.enums import MemberResponse
from api.marketing.types import CampaignMemberNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.marketing import service as marketing_service
from domain.marketing.models import MemberResponse as DomainResponse


@strawberry.input
class RecordCampaignResponseInput:
    campaign_id: strawberry.ID
    contact_id: strawberry.ID
    response: MemberResponse


@strawberry.type
class RecordCampaignResponsePayload:
    member: CampaignMemberNode | None
    user_errors: list[UserError]


async def record_campaign_response(input: RecordCampaignResponseInput) -> RecordCampaignResponsePayload:
    try:
        async with in_transaction():
            member = await marketing_service.record_campaign_response(
                campaign_id=decode_input_id(input.campaign_id, expected_type="Campaign", field="campaign_id"),
                contact_id=decode_input_id(input.contact_id, expected_type="Contact", field="contact_id"),
                response=DomainResponse(input.response.value),
            )
    except DomainError as error:
        return RecordCampaignResponsePayload(member=None, user_errors=[user_error(error)])
    return RecordCampaignResponsePayload(member=CampaignMemberNode.from_model(member), user_errors=[])
