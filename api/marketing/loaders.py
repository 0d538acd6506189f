"""Marketing DataLoaders: a page of campaigns or segments loads members, segments and response counts in one query each."""

from __future__ import annotations

import uuid

from api.context import Info
from api.loaders import by_id, grouped, loader_for, regrouped, variant
from api.ordering import Narrowing, Ordering, narrow
from domain.crm import service as crm_service
from domain.crm.models import Customer
from domain.marketing import service as marketing_service
from domain.marketing.models import Campaign, CampaignMember, Segment


def segment_by_id(info: Info):
    async def batch(segment_ids: list[uuid.UUID]) -> list[Segment | None]:
        return by_id(await marketing_service.list_segments().filter(id__in=segment_ids), segment_ids)

    return loader_for(info, "marketing.segment_by_id", batch)


def campaign_by_id(info: Info):
    async def batch(campaign_ids: list[uuid.UUID]) -> list[Campaign | None]:
        return by_id(await marketing_service.list_campaigns().filter(id__in=campaign_ids), campaign_ids)

    return loader_for(info, "marketing.campaign_by_id", batch)


def customer_ids_by_segment(info: Info):
    async def batch(segment_ids: list[uuid.UUID]) -> list[list[uuid.UUID]]:
        rows = await marketing_service.list_segment_members(segment_ids=segment_ids)
        return [[row.customer_id for row in group] for group in grouped(rows, segment_ids, lambda row: row.segment_id)]

    return loader_for(info, "marketing.customer_ids_by_segment", batch)


def members_by_campaign(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    async def batch(campaign_ids: list[uuid.UUID]) -> list[list[CampaignMember]]:
        rows = await narrow(marketing_service.list_campaign_members(campaign_ids=campaign_ids), filter, order)
        return grouped(rows, campaign_ids, lambda row: row.campaign_id)

    return loader_for(info, f"marketing.members_by_campaign{variant(filter, order)}", batch)


def response_counts_by_campaign(info: Info):
    async def batch(campaign_ids: list[uuid.UUID]) -> list[dict]:
        counts = await marketing_service.response_counts_by_campaign(campaign_ids=campaign_ids)
        return [counts[campaign_id] for campaign_id in campaign_ids]

    return loader_for(info, "marketing.response_counts_by_campaign", batch)


def campaign_ids_by_customer(info: Info):
    """The campaigns that targeted any contact of each customer, in the order they did, each once."""

    async def batch(customer_ids: list[uuid.UUID]) -> list[list[uuid.UUID]]:
        memberships = await marketing_service.list_campaign_members(customer_ids=customer_ids)
        groups = grouped(memberships, customer_ids, lambda row: row.customer_id)
        return [list(dict.fromkeys(member.campaign_id for member in group)) for group in groups]

    return loader_for(info, "marketing.campaign_ids_by_customer", batch)


def campaigns_by_customer(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    """The campaigns that targeted each customer's contacts, narrowed and ordered as asked (in the order they did without an order)."""

    async def batch(customer_ids: list[uuid.UUID]) -> list[list[Campaign]]:
        id_groups = await campaign_ids_by_customer(info).load_many(customer_ids)
        wanted = {campaign_id for group in id_groups for campaign_id in group}
        rows = await narrow(marketing_service.list_campaigns(), filter, order).filter(id__in=wanted) if wanted else []
        return regrouped(rows, id_groups, ordered=order is not None)

    return loader_for(info, f"marketing.campaigns_by_customer{variant(filter, order)}", batch)


def customers_by_segment(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    """The customers in each segment, narrowed and ordered as asked (in the order they were added without an order)."""

    async def batch(segment_ids: list[uuid.UUID]) -> list[list[Customer]]:
        id_groups = await customer_ids_by_segment(info).load_many(segment_ids)
        wanted = {customer_id for group in id_groups for customer_id in group}
        rows = await narrow(crm_service.customers(), filter, order).filter(id__in=wanted) if wanted else []
        return regrouped(rows, id_groups, ordered=order is not None)

    return loader_for(info, f"marketing.customers_by_segment{variant(filter, order)}", batch)
