"""Per-tenant counters behind human-readable document numbers."""

from __future__ import annotations

from tortoise import fields

from tenants.ownership import TenantOwnedModel


class DocumentSequence(TenantOwnedModel):
    """The last number handed out for one kind of document of one tenant."""

    name = fields.CharField(max_length=40)
    last_value = fields.BigIntField(default=0)

    class Meta:
        table = "document_sequences"
        unique_together = (("tenant_id", "name"),)
