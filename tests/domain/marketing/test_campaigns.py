"""Marketing: campaigns target a segment's contacts and track how each responded."""

from __future__ import annotations

import pytest

from domain.crm import service as crm
from domain.errors import DomainError
from domain.marketing import service as marketing
from domain.marketing.errors import MarketingErrorCode
from domain.marketing.models import CampaignChannel, CampaignStatus, MemberResponse
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import scoped


async def test_launching_a_campaign_targets_every_contact_of_its_segment(tenant):
    async with tenant_transaction(tenant.id):
        northwind = await crm.create_customer(name="Northwind")
        globex = await crm.create_customer(name="Globex")
        outsider = await crm.create_customer(name="Outsider")
        for customer, names in [(northwind, ["Ann", "Bob"]), (globex, ["Cy"]), (outsider, ["Dee"])]:
            for name in names:
                await crm.create_contact(customer_id=customer.id, first_name=name, last_name="X")
        segment = await marketing.create_segment(name="Manufacturing")
        added = await marketing.add_customers_to_segment(segment_id=segment.id, customer_ids=[northwind.id, globex.id, northwind.id])
        campaign = await marketing.create_campaign(name="Spring webinar", channel=CampaignChannel.WEBINAR, segment_id=segment.id)
        launched = await marketing.launch_campaign(campaign_id=campaign.id)
        members = await marketing.campaign_members(campaign_id=campaign.id)
        with pytest.raises(DomainError) as twice:
            await marketing.launch_campaign(campaign_id=campaign.id)
        [event] = await scoped(OutboxEvent).filter(event_type="marketing.campaign_launched")
    assert added == 2
    assert launched.status is CampaignStatus.ACTIVE
    assert sorted(str(m.customer_id) for m in members) == sorted([str(northwind.id)] * 2 + [str(globex.id)])
    assert twice.value.code is MarketingErrorCode.CAMPAIGN_NOT_DRAFT
    assert event.payload["member_count"] == 3


async def test_responses_only_move_forward_and_are_summarised(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        ann = await crm.create_contact(customer_id=customer.id, first_name="Ann", last_name="X")
        bob = await crm.create_contact(customer_id=customer.id, first_name="Bob", last_name="X")
        campaign = await marketing.create_campaign(name="Newsletter", channel=CampaignChannel.EMAIL)
        for contact in (ann, bob):
            await marketing.add_campaign_member(campaign_id=campaign.id, contact_id=contact.id)
        await marketing.record_campaign_response(campaign_id=campaign.id, contact_id=ann.id, response=MemberResponse.CLICKED)
        with pytest.raises(DomainError) as backwards:
            await marketing.record_campaign_response(campaign_id=campaign.id, contact_id=ann.id, response=MemberResponse.OPENED)
        await marketing.record_campaign_response(campaign_id=campaign.id, contact_id=bob.id, response=MemberResponse.UNSUBSCRIBED)
        summary = await marketing.campaign_response_summary(campaign_id=campaign.id)
    assert backwards.value.code is MarketingErrorCode.RESPONSE_GOES_BACKWARDS
    assert {response: count for response, count in summary.items() if count} == {MemberResponse.CLICKED: 1, MemberResponse.UNSUBSCRIBED: 1}


async def test_another_tenants_customer_cannot_join_a_segment(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        foreign = await crm.create_customer(name="Foreign")
    async with tenant_transaction(tenant.id):
        mine = await crm.create_customer(name="Mine")
        segment = await marketing.create_segment(name="All")
        with pytest.raises(DomainError) as error:
            await marketing.add_customers_to_segment(segment_id=segment.id, customer_ids=[mine.id, foreign.id])
        members = await marketing.segment_customer_ids(segment_id=segment.id)
    assert (error.value.code, error.value.field) == (MarketingErrorCode.NOT_FOUND, "customer_ids.1")
    assert members == []
