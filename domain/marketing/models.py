"""Marketing: who is targeted, by which campaign, and how each contact responded."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from tenants.ownership import TenantOwnedModel


class CampaignStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    COMPLETED = "completed"


class CampaignChannel(StrEnum):
    EMAIL = "email"
    EVENT = "event"
    WEBINAR = "webinar"
    SOCIAL = "social"
    ADS = "ads"
    DIRECT_MAIL = "direct_mail"


class MemberResponse(StrEnum):
    """How a campaign member reacted, in increasing order of engagement (unsubscribed and bounced aside)."""

    TARGETED = "targeted"
    SENT = "sent"
    OPENED = "opened"
    CLICKED = "clicked"
    RESPONDED = "responded"
    CONVERTED = "converted"
    UNSUBSCRIBED = "unsubscribed"
    BOUNCED = "bounced"


class Segment(TenantOwnedModel):
    """A named group of customers a campaign can target."""

    name = fields.CharField(max_length=120)
    description = fields.TextField(null=True)

    class Meta:
        table = "marketing_segments"
        unique_together = (("tenant_id", "name"),)


class SegmentMember(TenantOwnedModel):
    """A customer in a segment."""

    segment: fields.ForeignKeyRelation[Segment] = fields.ForeignKeyField(
        "concord.Segment", related_name="members", on_delete=fields.CASCADE
    )
    segment_id: object
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "concord.Customer", related_name="segment_memberships", on_delete=fields.CASCADE
    )
    customer_id: object

    class Meta:
        table = "marketing_segment_members"
        unique_together = (("tenant_id", "segment_id", "customer_id"),)
        indexes = (("tenant_id", "customer_id"),)


class Campaign(TenantOwnedModel):
    """A marketing campaign on one channel, aimed at a segment, with a budget."""

    name = fields.CharField(max_length=200)
    channel = fields.CharEnumField(CampaignChannel, max_length=16)
    status = fields.CharEnumField(CampaignStatus, max_length=16, default=CampaignStatus.DRAFT)
    segment: fields.ForeignKeyNullableRelation[Segment] = fields.ForeignKeyField(
        "concord.Segment", related_name="campaigns", null=True, on_delete=fields.SET_NULL
    )
    segment_id: object
    starts_on = fields.DateField(null=True)
    ends_on = fields.DateField(null=True)
    budget = fields.DecimalField(max_digits=18, decimal_places=4, null=True)
    currency = fields.CharField(max_length=3, null=True)
    launched_at = fields.DatetimeField(null=True)

    class Meta:
        table = "marketing_campaigns"
        unique_together = (("tenant_id", "name"),)
        indexes = (("tenant_id", "status"),)


class CampaignMember(TenantOwnedModel):
    """A contact targeted by a campaign, and the furthest response recorded."""

    campaign: fields.ForeignKeyRelation[Campaign] = fields.ForeignKeyField(
        "concord.Campaign", related_name="members", on_delete=fields.CASCADE
    )
    campaign_id: object
    contact: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "concord.Contact", related_name="campaign_memberships", on_delete=fields.CASCADE
    )
    contact_id: object
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "concord.Customer", related_name="campaign_memberships", on_delete=fields.CASCADE
    )
    customer_id: object
    response = fields.CharEnumField(MemberResponse, max_length=16, default=MemberResponse.TARGETED)
    responded_at = fields.DatetimeField(null=True)

    class Meta:
        table = "marketing_campaign_members"
        unique_together = (("tenant_id", "campaign_id", "contact_id"),)
        indexes = (("tenant_id", "campaign_id", "response"), ("tenant_id", "customer_id"))
