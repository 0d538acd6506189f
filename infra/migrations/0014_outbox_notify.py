"""A committed outbox event wakes the relays: PostgreSQL NOTIFY on `concord_outbox`, its tenant as payload.

A trigger rather than a call in `record_event`, so recording an event costs no extra round trip.
NOTIFY is delivered at commit only, and PostgreSQL folds identical notices of one transaction into
one, so a transaction writing many events of one tenant wakes each relay once.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops

from infra.db.rls import on_postgres

OUTBOX_NOTIFY = [
    """CREATE OR REPLACE FUNCTION outbox_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('concord_outbox', NEW.tenant_id::text);
  RETURN NULL;
END $$""",
    'DROP TRIGGER IF EXISTS outbox_events_notify ON "outbox_events"',
    'CREATE TRIGGER outbox_events_notify AFTER INSERT ON "outbox_events" FOR EACH ROW EXECUTE FUNCTION outbox_events_notify()',
]


class Migration(migrations.Migration):
    dependencies = [('concord', '0013_audit_append_only_sqlite')]

    initial = False

    operations = [ops.RunPython(on_postgres(OUTBOX_NOTIFY))]
