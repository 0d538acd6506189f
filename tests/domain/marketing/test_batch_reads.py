"""Marketing batch reads: members and response counts of many campaigns, memberships of many customers."""

from __future__ import annotations

from domain.crm import service as crm
from domain.marketing import service as marketing
from domain.marketing.models import CampaignChannel, MemberResponse
from tenants.context import tenant_transaction


async def test_members_and_response_counts_for_a_batch_of_campaigns(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        foreign = await marketing.create_campaign(name="Foreign", channel=CampaignChannel.ADS)
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        ann = await crm.create_contact(customer_id=customer.id, first_name="Ann", last_name="X")
        bob = await crm.create_contact(customer_id=customer.id, first_name="Bob", last_name="X")
        segment = await marketing.create_segment(name="Retail")
        await marketing.add_customers_to_segment(segment_id=segment.id, customer_ids=[customer.id])
        spring = await marketing.create_campaign(name="Spring", channel=CampaignChannel.EMAIL)
        quiet = await marketing.create_campaign(name="Quiet", channel=CampaignChannel.EMAIL)
        await marketing.add_campaign_member(campaign_id=spring.id, contact_id=ann.id)
        await marketing.add_campaign_member(campaign_id=spring.id, contact_id=bob.id)
        await marketing.record_campaign_response(campaign_id=spring.id, contact_id=ann.id, response=MemberResponse.CLICKED)
        members = await marketing.list_campaign_members(campaign_ids=[spring.id, quiet.id, foreign.id])
        of_customer = await marketing.list_campaign_members(customer_ids=[customer.id])
        segment_members = await marketing.list_segment_members(segment_ids=[segment.id])
        counts = await marketing.response_counts_by_campaign(campaign_ids=[spring.id, quiet.id, foreign.id])

    assert [member.contact_id for member in members] == [ann.id, bob.id]
    assert [member.campaign_id for member in of_customer] == [spring.id, spring.id]
    assert [member.customer_id for member in segment_members] == [customer.id]
    assert counts[spring.id][MemberResponse.CLICKED] == 1 and counts[spring.id][MemberResponse.TARGETED] == 1
    assert set(counts[quiet.id].values()) == {0} and set(counts[foreign.id].values()) == {0}
    assert set(counts[spring.id]) == set(MemberResponse)
