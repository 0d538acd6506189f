"""Marketing demo data: customer segments and a year of campaigns aimed at them (completed, running and
planned), with how each targeted contact responded."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta

from domain.marketing import service as marketing_service
from domain.marketing.models import CampaignChannel, MemberResponse
from infra.demo.generators.crm import CrmIds, CustomerRef
from infra.demo.generators.draws import money, weighted
from infra.demo.generators.timeline import Timeline

# (name, description, which customers: a share of them, picked at random, and for an industry only
# among those whose trade is in their name)
SEGMENTS = [
    ("Key accounts", "The customers with the largest yearly spend", 0.04, ()),
    ("Manufacturing", "Plants, engineering and electronics firms", 0.5, ("Engineering", "Motors", "Robotics", "Plastics", "Electronics", "Builders", "Energy")),
    ("Retail and consumer", "Shops, food and consumer brands", 0.5, ("Retail", "Foods", "Outfitters", "Furniture", "Hospitality", "Interiors")),
    ("Dormant customers", "No order in the last six months", 0.06, ()),
    ("Newsletter subscribers", "Opted in to the monthly newsletter", 0.15, ()),
]
THEMES = [
    ("Spring product launch", CampaignChannel.EMAIL, "Newsletter subscribers"),
    ("Trade fair invitation", CampaignChannel.EVENT, "Key accounts"),
    ("Safety week webinar", CampaignChannel.WEBINAR, "Manufacturing"),
    ("Summer maintenance offer", CampaignChannel.EMAIL, "Manufacturing"),
    ("Win-back offer", CampaignChannel.EMAIL, "Dormant customers"),
    ("Store fit-out showcase", CampaignChannel.DIRECT_MAIL, "Retail and consumer"),
    ("LinkedIn awareness push", CampaignChannel.SOCIAL, "Newsletter subscribers"),
    ("Autumn price update", CampaignChannel.EMAIL, "Newsletter subscribers"),
    ("Customer appreciation evening", CampaignChannel.EVENT, "Key accounts"),
    ("Search ads for spare parts", CampaignChannel.ADS, "Manufacturing"),
    ("Year-end catalogue", CampaignChannel.DIRECT_MAIL, "Retail and consumer"),
    ("Energy savings webinar", CampaignChannel.WEBINAR, "Newsletter subscribers"),
]
# The furthest response of a contact, by kind of channel; TARGETED: the campaign never reached them.
RESPONSES = {
    "mail": [
        (MemberResponse.TARGETED, 8), (MemberResponse.SENT, 38), (MemberResponse.OPENED, 27), (MemberResponse.CLICKED, 12),
        (MemberResponse.RESPONDED, 5), (MemberResponse.CONVERTED, 2), (MemberResponse.UNSUBSCRIBED, 3), (MemberResponse.BOUNCED, 5),
    ],
    "meeting": [
        (MemberResponse.TARGETED, 15), (MemberResponse.SENT, 40), (MemberResponse.OPENED, 18), (MemberResponse.RESPONDED, 17),
        (MemberResponse.CONVERTED, 6), (MemberResponse.UNSUBSCRIBED, 2), (MemberResponse.BOUNCED, 2),
    ],
}
MEETING_CHANNELS = {CampaignChannel.EVENT, CampaignChannel.WEBINAR}


def campaign_count(size: int) -> int:
    return 6 + size // 1000


def planned_units(size: int) -> int:
    return len(SEGMENTS) + campaign_count(size)


async def generate_marketing(rng: random.Random, *, size: int, timeline: Timeline, currency: str, crm: CrmIds, advance: Callable[[int], None]) -> None:
    """Create the segments and the campaigns, launching those that started and recording the responses."""
    segments: dict[str, tuple[object, list[CustomerRef]]] = {}
    for name, description, share, trades in SEGMENTS:
        candidates = [customer for customer in crm.customers if not trades or any(trade in customer.name for trade in trades)]
        members = rng.sample(candidates, max(1, round(len(candidates) * share))) if candidates else crm.customers[:1]
        segment = await marketing_service.create_segment(name=name, description=description)
        await marketing_service.add_customers_to_segment(segment_id=segment.id, customer_ids=[customer.id for customer in members])
        segments[name] = (segment.id, members)
        advance(1)
    count = campaign_count(size)
    for index in range(count):
        theme, channel, segment_name = THEMES[index % len(THEMES)]
        name = f"{theme} {timeline.start.year if index < count // 2 else timeline.as_of.year}"
        if index >= len(THEMES):
            name = f"{name} (wave {index // len(THEMES) + 1})"
        # Spread over the year, the last ones still ahead.
        starts_on = timeline.start + timedelta(days=round((index + 0.5) * 400 / count) + rng.randint(-10, 10))
        ends_on = starts_on + timedelta(days=rng.choice([14, 21, 30, 45]))
        segment_id, members = segments[segment_name]
        campaign = await marketing_service.create_campaign(
            name=name, channel=channel, segment_id=segment_id, starts_on=starts_on, ends_on=ends_on,
            budget=money(rng, 2000, 40000, step=500), currency=currency,
        )
        if starts_on < timeline.as_of:
            launched_at = timeline.moment(rng, starts_on)
            await marketing_service.launch_campaign(campaign_id=campaign.id, at=launched_at)
            await _responses(rng, timeline, campaign.id, channel, members, launched_at)
            if ends_on < timeline.as_of:
                await marketing_service.complete_campaign(campaign_id=campaign.id)
        advance(1)


async def _responses(rng: random.Random, timeline: Timeline, campaign_id, channel: CampaignChannel, members: list[CustomerRef], launched_at) -> None:
    weights = RESPONSES["meeting" if channel in MEETING_CHANNELS else "mail"]
    for customer in members:
        for contact_id in customer.contact_ids:
            response = weighted(rng, weights)
            at = min(launched_at + timedelta(hours=rng.randint(1, 24 * 14)), timeline.end)
            if response is not MemberResponse.TARGETED:
                await marketing_service.record_campaign_response(campaign_id=campaign_id, contact_id=contact_id, response=response, at=at)
