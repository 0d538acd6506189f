"""CRM: the companies a tenant sells to."""

from __future__ import annotations

from tortoise import fields

from tenants.ownership import TenantOwnedModel


class Customer(TenantOwnedModel):
    """A company the tenant sells to, the centre of the 360° view."""

    name = fields.CharField(max_length=200)
    email = fields.CharField(max_length=254, null=True)

    class Meta:
        table = "crm_customers"
        indexes = (("tenant_id", "created_at"), ("tenant_id", "name"))
