"""The transactional outbox: domain events written in the transaction that caused them."""

from __future__ import annotations

from tortoise import fields
from tortoise.fields.db_defaults import SqlDefault
from tortoise.indexes import Index

from tenants.ownership import TenantOwnedModel


class StreamPosition(SqlDefault):
    """The database fills an event's stream position as it is inserted, never the application.

    PostgreSQL: `position_txn` is the recording transaction's id (`pg_current_xact_id()`, the 64-bit
    xid8 that never wraps) and `position_seq` comes from a sequence, so events of one transaction keep
    the order they were recorded in. Transaction ids are handed out in start order, not commit order,
    so readers stream only below the visibility horizon (see `domain.outbox.service.events_after`).

    SQLite: the default is a placeholder: the `outbox_events_stream_position` trigger (migration 0012)
    overwrites both columns from a counter right after the insert. SQLite allows one writer at a time
    and that writer holds its lock from its first write to its commit, so numbers taken inside the
    INSERT are in commit order already. (A DEFAULT cannot read a table in SQLite, hence the trigger.)
    """

    def __init__(self, postgres: str) -> None:
        super().__init__(postgres)

    def get_sql(self, _context=None, dialect: str | None = None) -> str:
        return self.sql if dialect == "postgres" else "0"

    def __repr__(self) -> str:
        return f"StreamPosition({self.sql!r})"


# xid8 has no cast to bigint; through text it keeps all 64 bits (epoch and xid).
RECORDING_TRANSACTION = StreamPosition("(pg_current_xact_id()::text::bigint)")
NEXT_IN_SEQUENCE = StreamPosition("nextval('outbox_events_position_seq')")


class OutboxEvent(TenantOwnedModel):
    """A domain event waiting to be (or already) published to the broker."""

    event_type = fields.CharField(max_length=80)
    payload = fields.JSONField(default=dict)
    idempotency_key = fields.CharField(max_length=120)
    trace_context = fields.JSONField(default=dict)  # W3C traceparent of the transaction that recorded it
    published_at = fields.DatetimeField(null=True)
    publish_attempts = fields.IntField(default=0)
    last_error = fields.TextField(null=True)
    # Where the event stands in its tenant's stream, in commit order (see StreamPosition): a
    # subscriber resumes after the (position_txn, position_seq) it saw last, never by timestamp.
    position_txn = fields.BigIntField(db_default=RECORDING_TRANSACTION)
    position_seq = fields.BigIntField(db_default=NEXT_IN_SEQUENCE)

    class Meta:
        table = "outbox_events"
        unique_together = (("tenant_id", "idempotency_key"),)
        indexes = (
            ("tenant_id", "published_at", "created_at"),
            Index(fields=["tenant_id", "position_txn", "position_seq"]),
        )
