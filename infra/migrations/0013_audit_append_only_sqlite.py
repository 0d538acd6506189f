"""The audit log is append-only on SQLite too, and the platform gets its own append-only audit log.

On PostgreSQL `audit_events` refuses UPDATE and DELETE (0002, `infra.db.rls.append_only_statements`)
except deleting the rows of the tenant named by the transaction-local `app.purging_tenant_id`, which
`tenants.export.delete_tenant` sets. SQLite has no transaction-local settings, so the same escape hatch
is a one-row table, `audit_purge_in_progress`, that `delete_tenant` fills and empties inside its own
transaction: the DELETE trigger lets a row go only when its tenant is the one named there, so outside
a tenant's deletion (and for every other tenant during one) a DELETE is refused, and UPDATE always is.

`platform_audit_events` records what operators, the CLI and rules did to tenants: with no foreign key
to tenants it outlives a deleted tenant and keeps the record of that deletion. Nothing may update or
delete it, on either database, not even a tenant's purge.
"""

import functools
from json import dumps, loads
from uuid import uuid4

from tortoise import fields, migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from infra.db.rls import on_postgres, on_sqlite

SQLITE_AUDIT_APPEND_ONLY = [
    'CREATE TABLE IF NOT EXISTS "audit_purge_in_progress" '
    '("id" INTEGER PRIMARY KEY CHECK ("id" = 1), "tenant_id" CHAR(36) NOT NULL)',
    """CREATE TRIGGER IF NOT EXISTS audit_events_append_only_update BEFORE UPDATE ON "audit_events"
FOR EACH ROW
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: UPDATE refused'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_events_append_only_delete BEFORE DELETE ON "audit_events"
FOR EACH ROW WHEN NOT EXISTS (SELECT 1 FROM "audit_purge_in_progress" WHERE "tenant_id" = OLD."tenant_id")
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: DELETE refused'); END""",
    """CREATE TRIGGER IF NOT EXISTS platform_audit_events_append_only_update BEFORE UPDATE ON "platform_audit_events"
FOR EACH ROW
BEGIN SELECT RAISE(ABORT, 'platform_audit_events is append-only: UPDATE refused'); END""",
    """CREATE TRIGGER IF NOT EXISTS platform_audit_events_append_only_delete BEFORE DELETE ON "platform_audit_events"
FOR EACH ROW
BEGIN SELECT RAISE(ABORT, 'platform_audit_events is append-only: DELETE refused'); END""",
]

POSTGRES_PLATFORM_AUDIT_APPEND_ONLY = [
    """CREATE OR REPLACE FUNCTION platform_audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'platform_audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$""",
    'DROP TRIGGER IF EXISTS platform_audit_events_append_only ON "platform_audit_events"',
    'CREATE TRIGGER platform_audit_events_append_only BEFORE UPDATE OR DELETE ON "platform_audit_events" '
    "FOR EACH ROW EXECUTE FUNCTION platform_audit_events_append_only()",
]


class Migration(migrations.Migration):
    dependencies = [('concord', '0012_outbox_commit_position')]

    initial = False

    operations = [
        ops.CreateModel(
            name='PlatformAuditEvent',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('actor', fields.CharField(max_length=120)),
                ('action', fields.CharField(max_length=120)),
                ('tenant_id', fields.UUIDField(null=True)),
                ('tenant_slug', fields.CharField(null=True, max_length=63)),
                ('target', fields.CharField(null=True, max_length=200)),
                ('outcome', fields.CharField(max_length=20)),
                ('details', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('trace_id', fields.CharField(null=True, max_length=32)),
            ],
            options={'table': 'platform_audit_events', 'app': 'concord', 'indexes': [Index(fields=['created_at']), Index(fields=['tenant_id', 'created_at']), Index(fields=['action', 'created_at'])], 'pk_attr': 'id', 'table_description': 'What platform operators, the CLI and the platform itself did to tenants, and how it ended. Append-only.'},
            bases=['Model'],
        ),
        ops.RunPython(on_postgres(POSTGRES_PLATFORM_AUDIT_APPEND_ONLY)),
        ops.RunPython(on_sqlite(SQLITE_AUDIT_APPEND_ONLY)),
    ]
