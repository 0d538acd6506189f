"""Marketing types in the graph: segments of customers, campaigns aimed at them, and each member's response.

Fields that reach into CRM (a member's contact, a segment's customers) declare crm:read and are
nullable, so a caller without it gets FORBIDDEN on that field alone.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import Annotated, Any

import strawberry
from strawberry import relay

from api.context import Info
from api.crm import loaders as crm_loaders
from api.crm.filters import CustomerFilter, CustomerOrder
from api.crm.types import ContactNode, CustomerNode
from api.loaders import resolve_node_rows
from api.marketing import loaders
from api.marketing.enums import CampaignChannel, CampaignStatus, MemberResponse
from api.marketing.filters import CampaignMemberFilter, CampaignMemberOrder
from api.money import Money
from api.pagination import Connection, connection_from_list
from api.permissions import cross_area_field
from domain.marketing import service as marketing_service
from domain.marketing.models import Campaign, CampaignMember, Segment
from tenants.permissions import Scope



@strawberry.type(name="Segment", description="A named group of customers that campaigns target.")
class SegmentNode(relay.Node):
    read_scope = Scope.MARKETING_READ

    id: relay.NodeID[str]
    name: str
    description: str | None
    created_at: datetime

    @classmethod
    def from_model(cls, row: Segment) -> SegmentNode:
        return cls(id=str(row.id), name=row.name, description=row.description, created_at=row.created_at)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: marketing_service.list_segments().filter(id__in=ids), node_ids)

    @cross_area_field(Scope.CRM_READ, "The customers in the segment, in the order they were added unless ordered.")
    async def customers(
        self,
        info: Info,
        filter: CustomerFilter | None = None,
        order_by: CustomerOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CustomerNode] | None:
        customers = await loaders.customers_by_segment(info, filter, order_by).load(uuid.UUID(self.id))
        return connection_from_list(customers, CustomerNode.from_model, first=first, after=after, last=last, before=before)


@strawberry.type(description="How many members of a campaign gave one response.")
class ResponseCount:
    response: MemberResponse
    count: int


@strawberry.type(name="CampaignMember", description="A contact targeted by a campaign, and the furthest response recorded.")
class CampaignMemberNode(relay.Node):
    read_scope = Scope.MARKETING_READ

    id: relay.NodeID[str]
    response: MemberResponse
    responded_at: datetime | None
    created_at: datetime
    campaign_id: strawberry.Private[Any]
    contact_id: strawberry.Private[Any]
    customer_id: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: CampaignMember) -> CampaignMemberNode:
        return cls(
            id=str(row.id), response=MemberResponse(str(row.response)), responded_at=row.responded_at, created_at=row.created_at,
            campaign_id=row.campaign_id, contact_id=row.contact_id, customer_id=row.customer_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: marketing_service.list_campaign_members(member_ids=ids), node_ids)

    @strawberry.field
    async def campaign(self, info: Info) -> CampaignNode:
        return CampaignNode.from_model(await loaders.campaign_by_id(info).load(self.campaign_id))

    @cross_area_field(Scope.CRM_READ, "The person targeted.")
    async def contact(self, info: Info) -> ContactNode | None:
        contact = await crm_loaders.contact_by_id(info).load(self.contact_id)
        return ContactNode.from_model(contact) if contact else None

    @cross_area_field(Scope.CRM_READ, "The contact's company.")
    async def customer(self, info: Info) -> CustomerNode | None:
        customer = await crm_loaders.customer_by_id(info).load(self.customer_id)
        return CustomerNode.from_model(customer) if customer else None


@strawberry.type(name="Campaign", description="A marketing campaign on one channel, aimed at a segment, with a budget.")
class CampaignNode(relay.Node):
    read_scope = Scope.MARKETING_READ

    id: relay.NodeID[str]
    name: str
    channel: CampaignChannel
    status: CampaignStatus
    starts_on: date | None
    ends_on: date | None
    budget: Money | None
    launched_at: datetime | None
    created_at: datetime
    segment_id: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: Campaign) -> CampaignNode:
        return cls(
            id=str(row.id), name=row.name, channel=CampaignChannel(str(row.channel)), status=CampaignStatus(str(row.status)),
            starts_on=row.starts_on, ends_on=row.ends_on, budget=Money.optional(row.budget, row.currency),
            launched_at=row.launched_at, created_at=row.created_at, segment_id=row.segment_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: marketing_service.list_campaigns().filter(id__in=ids), node_ids)

    @strawberry.field(description="The segment the campaign is launched at.")
    async def segment(self, info: Info) -> SegmentNode | None:
        if self.segment_id is None:
            return None
        segment = await loaders.segment_by_id(info).load(self.segment_id)
        return SegmentNode.from_model(segment) if segment else None

    @strawberry.field(description="The contacts targeted, in the order they were added unless ordered.")
    async def members(
        self,
        info: Info,
        filter: CampaignMemberFilter | None = None,
        order_by: CampaignMemberOrder | None = None,
        response: Annotated[
            MemberResponse | None, strawberry.argument(deprecation_reason="Use `filter.response`; ignored when `filter` is given.")
        ] = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CampaignMemberNode]:
        filter = filter or (CampaignMemberFilter(response=response) if response is not None else None)
        rows = await loaders.members_by_campaign(info, filter, order_by).load(uuid.UUID(self.id))
        return connection_from_list(rows, CampaignMemberNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(description="Members per response, every response listed.")
    async def response_summary(self, info: Info) -> list[ResponseCount]:
        counts = await loaders.response_counts_by_campaign(info).load(uuid.UUID(self.id))
        return [ResponseCount(response=MemberResponse(str(response)), count=count) for response, count in counts.items()]
