"""Marketing services: segments, campaigns, their members and responses."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from tortoise.functions import Count
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.crm import service as crm_service
from domain.errors import DomainError
from domain.marketing import events
from domain.marketing.errors import MarketingErrorCode
from domain.marketing.models import Campaign, CampaignChannel, CampaignMember, CampaignStatus, MemberResponse, Segment, SegmentMember
from domain.money import currency_code
from domain.outbox import record_event
from domain.validation import non_negative_decimal, optional_text, required_text
from tenants.ownership import create_owned, scoped

# Engagement only grows: a member who clicked cannot go back to merely opened.
ENGAGEMENT = [
    MemberResponse.TARGETED,
    MemberResponse.SENT,
    MemberResponse.OPENED,
    MemberResponse.CLICKED,
    MemberResponse.RESPONDED,
    MemberResponse.CONVERTED,
]
OPT_OUTS = {MemberResponse.UNSUBSCRIBED, MemberResponse.BOUNCED}


def _not_found(what: str, field: str) -> DomainError:
    return DomainError(MarketingErrorCode.NOT_FOUND, f"{what} not found", field=field)


# Segments


def list_segments() -> QuerySet[Segment]:
    """Segments by name."""
    return scoped(Segment).order_by("name")


async def get_segment_or_raise(*, segment_id: uuid.UUID, field: str = "segment_id") -> Segment:
    """The segment with this id, or NOT_FOUND."""
    segment = await scoped(Segment).get_or_none(id=segment_id)
    if segment is None:
        raise _not_found("segment", field)
    return segment


async def create_segment(*, name: str, description: str | None = None) -> Segment:
    """Create an empty segment; names are unique within the tenant."""
    name = required_text(name, field="name", max_length=120)
    if await scoped(Segment).filter(name=name).exists():
        raise DomainError(MarketingErrorCode.DUPLICATE, f"a segment named {name!r} exists", field="name")
    return await create_owned(Segment, name=name, description=description)


async def add_customers_to_segment(*, segment_id: uuid.UUID, customer_ids: Sequence[uuid.UUID]) -> int:
    """Add customers to a segment (those already in it are skipped); returns how many were added."""
    segment = await get_segment_or_raise(segment_id=segment_id)
    found = {customer.id: customer for customer in await crm_service.get_customers(customer_ids=customer_ids)}
    for index, customer_id in enumerate(customer_ids):
        if customer_id not in found:
            raise _not_found("customer", f"customer_ids.{index}")
    already = set(await segment_customer_ids(segment_id=segment.id))
    added = [customer_id for customer_id in dict.fromkeys(customer_ids) if customer_id not in already]
    async with in_transaction():
        for customer_id in added:
            await create_owned(SegmentMember, segment=segment, customer=found[customer_id])
    return len(added)


async def remove_customer_from_segment(*, segment_id: uuid.UUID, customer_id: uuid.UUID) -> None:
    """Take a customer out of a segment."""
    segment = await get_segment_or_raise(segment_id=segment_id)
    if not await scoped(SegmentMember).filter(segment_id=segment.id, customer_id=customer_id).delete():
        raise _not_found("segment member", "customer_id")


async def segment_customer_ids(*, segment_id: uuid.UUID) -> list[uuid.UUID]:
    """The ids of a segment's customers."""
    return [uuid.UUID(str(value)) for value in await scoped(SegmentMember).filter(segment_id=segment_id).values_list("customer_id", flat=True)]


# Campaigns


def list_campaigns(*, status: CampaignStatus | None = None) -> QuerySet[Campaign]:
    """Campaigns, newest first, optionally in one status."""
    query = scoped(Campaign)
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("-created_at")


async def get_campaign_or_raise(*, campaign_id: uuid.UUID) -> Campaign:
    """The campaign with this id, or NOT_FOUND."""
    campaign = await scoped(Campaign).get_or_none(id=campaign_id)
    if campaign is None:
        raise _not_found("campaign", "campaign_id")
    return campaign


async def create_campaign(
    *,
    name: str,
    channel: CampaignChannel,
    segment_id: uuid.UUID | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
    budget: Decimal | None = None,
    currency: str | None = None,
) -> Campaign:
    """Draft a campaign, optionally aimed at a segment and with a budget in a currency."""
    name = required_text(name, field="name", max_length=200)
    segment = await get_segment_or_raise(segment_id=segment_id) if segment_id else None
    if starts_on and ends_on and ends_on < starts_on:
        raise DomainError(MarketingErrorCode.INVALID_DATES, "the campaign ends before it starts", field="ends_on")
    if budget is not None and currency is None:
        raise DomainError(MarketingErrorCode.BUDGET_NEEDS_CURRENCY, "a budget needs a currency", field="currency")
    if await scoped(Campaign).filter(name=name).exists():
        raise DomainError(MarketingErrorCode.DUPLICATE, f"a campaign named {name!r} exists", field="name")
    return await create_owned(
        Campaign,
        name=name,
        channel=CampaignChannel(channel),
        segment=segment,
        starts_on=starts_on,
        ends_on=ends_on,
        budget=non_negative_decimal(budget, field="budget") if budget is not None else None,
        currency=currency_code(currency) if currency is not None else None,
    )


def campaign_members(*, campaign_id: uuid.UUID, response: MemberResponse | None = None) -> QuerySet[CampaignMember]:
    """A campaign's members, optionally with one response."""
    query = scoped(CampaignMember).filter(campaign_id=campaign_id)
    if response is not None:
        query = query.filter(response=response)
    return query.order_by("created_at")


async def add_campaign_member(*, campaign_id: uuid.UUID, contact_id: uuid.UUID) -> CampaignMember:
    """Target one contact with a draft or active campaign."""
    campaign = await get_campaign_or_raise(campaign_id=campaign_id)
    if campaign.status is CampaignStatus.COMPLETED:
        raise DomainError(MarketingErrorCode.CAMPAIGN_NOT_ACTIVE, "the campaign is completed", field="campaign_id")
    contact = await crm_service.get_contact_or_raise(contact_id=contact_id)
    if await scoped(CampaignMember).filter(campaign_id=campaign.id, contact_id=contact.id).exists():
        raise DomainError(MarketingErrorCode.ALREADY_MEMBER, "the contact is already a member", field="contact_id")
    return await create_owned(CampaignMember, campaign=campaign, contact=contact, customer_id=contact.customer_id)


async def launch_campaign(*, campaign_id: uuid.UUID, at: datetime | None = None) -> Campaign:
    """Activate a draft campaign, targeting every contact of every customer in its segment."""
    async with in_transaction():
        campaign = await scoped(Campaign).select_for_update().get_or_none(id=campaign_id)
        if campaign is None:
            raise _not_found("campaign", "campaign_id")
        if campaign.status is not CampaignStatus.DRAFT:
            raise DomainError(MarketingErrorCode.CAMPAIGN_NOT_DRAFT, f"the campaign is {campaign.status}", field="campaign_id")
        if campaign.segment_id is None:
            raise DomainError(MarketingErrorCode.NO_SEGMENT, "a campaign is launched at a segment", field="campaign_id")
        customer_ids = await segment_customer_ids(segment_id=campaign.segment_id)
        existing = {uuid.UUID(str(value)) for value in await campaign_members(campaign_id=campaign.id).values_list("contact_id", flat=True)}
        for contact in await crm_service.list_contacts(customer_ids=customer_ids):
            if contact.id not in existing:
                await create_owned(CampaignMember, campaign=campaign, contact=contact, customer_id=contact.customer_id)
        campaign.status = CampaignStatus.ACTIVE
        campaign.launched_at = at or clock.now()
        await campaign.save(update_fields=["status", "launched_at", "updated_at"])
        member_count = await campaign_members(campaign_id=campaign.id).count()
        await record_event(
            event_type=events.CAMPAIGN_LAUNCHED,
            payload=events.campaign_launched(campaign, member_count=member_count),
            idempotency_key=f"{events.CAMPAIGN_LAUNCHED}:{campaign.id}",
        )
    return campaign


async def complete_campaign(*, campaign_id: uuid.UUID) -> Campaign:
    """Close an active campaign; responses can still be recorded afterwards."""
    campaign = await get_campaign_or_raise(campaign_id=campaign_id)
    if campaign.status is not CampaignStatus.ACTIVE:
        raise DomainError(MarketingErrorCode.CAMPAIGN_NOT_ACTIVE, f"the campaign is {campaign.status}", field="campaign_id")
    campaign.status = CampaignStatus.COMPLETED
    await campaign.save(update_fields=["status", "updated_at"])
    return campaign


async def record_campaign_response(
    *, campaign_id: uuid.UUID, contact_id: uuid.UUID, response: MemberResponse, at: datetime | None = None
) -> CampaignMember:
    """Record how a member responded; engagement only moves forward, an opt-out is final."""
    response = MemberResponse(response)
    async with in_transaction():
        member = await scoped(CampaignMember).select_for_update().get_or_none(campaign_id=campaign_id, contact_id=contact_id)
        if member is None:
            raise _not_found("campaign member", "contact_id")
        if member.response in OPT_OUTS or (
            response not in OPT_OUTS and ENGAGEMENT.index(response) <= ENGAGEMENT.index(member.response)
        ):
            raise DomainError(
                MarketingErrorCode.RESPONSE_GOES_BACKWARDS, f"the member already {member.response}", field="response"
            )
        member.response = response
        member.responded_at = at or clock.now()
        await member.save(update_fields=["response", "responded_at", "updated_at"])
        await record_event(
            event_type=events.CAMPAIGN_RESPONSE_RECORDED,
            payload=events.campaign_response_recorded(member),
            idempotency_key=f"{events.CAMPAIGN_RESPONSE_RECORDED}:{member.id}:{response.value}",
        )
    return member


async def campaign_response_summary(*, campaign_id: uuid.UUID) -> dict[MemberResponse, int]:
    """Members per response for a campaign, every response listed (one aggregate query)."""
    campaign = await get_campaign_or_raise(campaign_id=campaign_id)
    rows = (
        await scoped(CampaignMember)
        .filter(campaign_id=campaign.id)
        .annotate(count=Count("id"))
        .group_by("response")
        .values("response", "count")
    )
    counts = {MemberResponse(row["response"]): row["count"] for row in rows}
    return {response: counts.get(response, 0) for response in MemberResponse}


# Batch reads for the graph's DataLoaders: the rows of many segments, campaigns or customers in one query.


def list_segment_members(
    *, segment_ids: Sequence[uuid.UUID] | None = None, customer_ids: Sequence[uuid.UUID] | None = None
) -> QuerySet[SegmentMember]:
    """Segment memberships, oldest first, optionally of some segments or customers."""
    query = scoped(SegmentMember)
    if segment_ids is not None:
        query = query.filter(segment_id__in=list(segment_ids))
    if customer_ids is not None:
        query = query.filter(customer_id__in=list(customer_ids))
    return query.order_by("created_at", "id")


def list_campaign_members(
    *,
    campaign_ids: Sequence[uuid.UUID] | None = None,
    customer_ids: Sequence[uuid.UUID] | None = None,
    member_ids: Sequence[uuid.UUID] | None = None,
) -> QuerySet[CampaignMember]:
    """Campaign members, oldest first, optionally of some campaigns or customers, or with some ids."""
    query = scoped(CampaignMember)
    if campaign_ids is not None:
        query = query.filter(campaign_id__in=list(campaign_ids))
    if customer_ids is not None:
        query = query.filter(customer_id__in=list(customer_ids))
    if member_ids is not None:
        query = query.filter(id__in=list(member_ids))
    return query.order_by("created_at", "id")


async def response_counts_by_campaign(*, campaign_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, dict[MemberResponse, int]]:
    """Members per response for a batch of campaigns, every response listed, in one aggregate query."""
    rows = (
        await scoped(CampaignMember)
        .filter(campaign_id__in=list(campaign_ids))
        .annotate(count=Count("id"))
        .group_by("campaign_id", "response")
        .values("campaign_id", "response", "count")
    )
    counts: dict[uuid.UUID, dict[MemberResponse, int]] = {}
    for row in rows:
        counts.setdefault(uuid.UUID(str(row["campaign_id"])), {})[MemberResponse(row["response"])] = row["count"]
    return {
        campaign_id: {response: counts.get(campaign_id, {}).get(response, 0) for response in MemberResponse}
        for campaign_id in campaign_ids
    }
