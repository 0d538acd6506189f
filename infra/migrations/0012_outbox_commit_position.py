"""The outbox gets a commit-ordered stream position: (position_txn, position_seq).

Subscriptions used to resume after the last event's app-stamped `created_at`, so an event whose
transaction committed after a later-stamped one had been streamed was skipped for good. See
`domain.outbox.models.StreamPosition` for how each database fills the position.
"""

from tortoise import fields, migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from domain.outbox.models import NEXT_IN_SEQUENCE, RECORDING_TRANSACTION
from infra.db.rls import on_postgres, on_sqlite

# Existing rows keep their insertion order (rowid); the counter carries on from there and never goes
# back, even when rows are deleted, so a position once streamed is never handed out again.
SQLITE_STREAM_POSITION = [
    'CREATE TABLE IF NOT EXISTS "outbox_stream_counter" '
    '("id" INTEGER PRIMARY KEY CHECK ("id" = 1), "last_position" INTEGER NOT NULL)',
    'INSERT INTO "outbox_stream_counter" ("id", "last_position") '
    'SELECT 1, COALESCE(MAX(rowid), 0) FROM "outbox_events" WHERE NOT EXISTS (SELECT 1 FROM "outbox_stream_counter")',
    'UPDATE "outbox_events" SET "position_txn" = rowid, "position_seq" = rowid',
    """CREATE TRIGGER IF NOT EXISTS outbox_events_stream_position AFTER INSERT ON "outbox_events" FOR EACH ROW
BEGIN
  UPDATE "outbox_stream_counter" SET "last_position" = "last_position" + 1 WHERE "id" = 1;
  UPDATE "outbox_events"
     SET "position_txn" = (SELECT "last_position" FROM "outbox_stream_counter" WHERE "id" = 1),
         "position_seq" = (SELECT "last_position" FROM "outbox_stream_counter" WHERE "id" = 1)
   WHERE rowid = NEW.rowid;
END""",
]


class Migration(migrations.Migration):
    dependencies = [('concord', '0011_api_key_person')]

    initial = False

    operations = [
        ops.RunPython(on_postgres(['CREATE SEQUENCE IF NOT EXISTS "outbox_events_position_seq"'])),
        ops.AddField(
            model_name='OutboxEvent',
            name='position_txn',
            field=fields.BigIntField(db_default=RECORDING_TRANSACTION),
        ),
        ops.AddField(
            model_name='OutboxEvent',
            name='position_seq',
            field=fields.BigIntField(db_default=NEXT_IN_SEQUENCE),
        ),
        ops.RunPython(on_postgres(['ALTER SEQUENCE "outbox_events_position_seq" OWNED BY "outbox_events"."position_seq"'])),
        ops.RunPython(on_sqlite(SQLITE_STREAM_POSITION)),
        ops.AddIndex(model_name='OutboxEvent', index=Index(fields=['tenant_id', 'position_txn', 'position_seq'])),
    ]
