"""Attack-suite factories for the marketing Node types."""

from __future__ import annotations

import uuid

from domain.crm import service as crm_service
from domain.marketing import service as marketing_service
from domain.marketing.models import CampaignChannel


async def segment(marker: str) -> uuid.UUID:
    created = await marketing_service.create_segment(name=f"{marker} Segment {uuid.uuid4().hex[:6]}", description=marker)
    customer = await crm_service.create_customer(name=f"{marker} Segment's Customer")
    await marketing_service.add_customers_to_segment(segment_id=created.id, customer_ids=[customer.id])
    return created.id


async def _campaign(marker: str):
    return await marketing_service.create_campaign(name=f"{marker} Campaign {uuid.uuid4().hex[:6]}", channel=CampaignChannel.EMAIL)


async def campaign(marker: str) -> uuid.UUID:
    return (await _campaign(marker)).id


async def campaign_member(marker: str) -> uuid.UUID:
    customer = await crm_service.create_customer(name=f"{marker} Member's Customer")
    contact = await crm_service.create_contact(customer_id=customer.id, first_name=marker, last_name="Member")
    return (await marketing_service.add_campaign_member(campaign_id=(await _campaign(marker)).id, contact_id=contact.id)).id


FACTORIES = {"Segment": segment, "Campaign": campaign, "CampaignMember": campaign_member}
