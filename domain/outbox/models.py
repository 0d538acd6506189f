"""The transactional outbox: domain events written in the transaction that caused them."""

from __future__ import annotations

from tortoise import fields

from tenants.ownership import TenantOwnedModel


class OutboxEvent(TenantOwnedModel):
    """A domain event waiting to be (or already) published to the broker."""

    event_type = fields.CharField(max_length=80)
    payload = fields.JSONField(default=dict)
    idempotency_key = fields.CharField(max_length=120)
    trace_context = fields.JSONField(default=dict)  # W3C traceparent of the transaction that recorded it
    published_at = fields.DatetimeField(null=True)
    publish_attempts = fields.IntField(default=0)
    last_error = fields.TextField(null=True)

    class Meta:
        table = "outbox_events"
        unique_together = (("tenant_id", "idempotency_key"),)
        indexes = (("tenant_id", "published_at", "created_at"),)
