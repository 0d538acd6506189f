"""CRM: the companies a tenant sells to, the people there, and every touchpoint with them."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from tenants.ownership import TenantOwnedModel


class Channel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    CHAT = "chat"
    MEETING = "meeting"
    PORTAL = "portal"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class Customer(TenantOwnedModel):
    """A company the tenant sells to, the centre of the 360° view."""

    name = fields.CharField(max_length=200)
    email = fields.CharField(max_length=254, null=True)

    class Meta:
        table = "crm_customers"
        indexes = (("tenant_id", "created_at"), ("tenant_id", "name"))


class Contact(TenantOwnedModel):
    """A person at a customer."""

    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "concord.Customer", related_name="contacts", on_delete=fields.NO_ACTION
    )
    customer_id: object
    first_name = fields.CharField(max_length=100)
    last_name = fields.CharField(max_length=100)
    email = fields.CharField(max_length=254, null=True)
    phone = fields.CharField(max_length=40, null=True)
    job_title = fields.CharField(max_length=120, null=True)

    class Meta:
        table = "crm_contacts"
        indexes = (("tenant_id", "customer_id"), ("tenant_id", "last_name", "first_name"))


class Interaction(TenantOwnedModel):
    """One touchpoint with a customer (an email, call, chat, meeting or portal message)."""

    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "concord.Customer", related_name="interactions", on_delete=fields.NO_ACTION
    )
    customer_id: object
    contact: fields.ForeignKeyNullableRelation[Contact] = fields.ForeignKeyField(
        "concord.Contact", related_name="interactions", null=True, on_delete=fields.SET_NULL
    )
    contact_id: object
    channel = fields.CharEnumField(Channel, max_length=16)
    direction = fields.CharEnumField(Direction, max_length=16)
    subject = fields.CharField(max_length=200)
    summary = fields.TextField(null=True)
    occurred_at = fields.DatetimeField()
    recorded_by = fields.CharField(max_length=80, null=True)

    class Meta:
        table = "crm_interactions"
        indexes = (("tenant_id", "customer_id", "occurred_at"), ("tenant_id", "channel", "occurred_at"))
