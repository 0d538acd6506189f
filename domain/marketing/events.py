"""Marketing domain events."""

from __future__ import annotations

from typing import Any

from domain.marketing.models import Campaign, CampaignMember
from domain.outbox.payloads import payload

CAMPAIGN_LAUNCHED = "marketing.campaign_launched"
CAMPAIGN_RESPONSE_RECORDED = "marketing.campaign_response_recorded"


def campaign_launched(campaign: Campaign, *, member_count: int) -> dict[str, Any]:
    return payload(campaign_id=campaign.id, channel=campaign.channel, segment_id=campaign.segment_id, member_count=member_count)


def campaign_response_recorded(member: CampaignMember) -> dict[str, Any]:
    return payload(
        campaign_id=member.campaign_id,
        campaign_member_id=member.id,
        contact_id=member.contact_id,
        customer_id=member.customer_id,
        response=member.response,
        responded_at=member.responded_at,
    )
