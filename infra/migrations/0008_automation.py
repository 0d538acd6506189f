from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from domain.automation.models import JobStatus
from json import dumps, loads
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

from infra.db.rls import tenant_tables_protected


class Migration(migrations.Migration):
    dependencies = [('concord', '0007_service_marketing_legal_it')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AppliedEffect',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('idempotency_key', fields.CharField(max_length=160)),
                ('actor', fields.CharField(max_length=120)),
            ],
            options={'table': 'automation_applied_effects', 'app': 'concord', 'unique_together': (('tenant_id', 'idempotency_key'),), 'pk_attr': 'id', 'table_description': "The record that a message's effect happened: written in the effect's own transaction, once."},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Job',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('message_id', fields.CharField(max_length=64)),
                ('actor', fields.CharField(max_length=120)),
                ('queue', fields.CharField(max_length=120)),
                ('status', fields.CharEnumField(default=JobStatus.QUEUED, description='QUEUED: queued\nRUNNING: running\nRETRYING: retrying\nSUCCEEDED: succeeded\nFAILED: failed', enum_type=JobStatus, max_length=16)),
                ('attempts', fields.IntField(default=0)),
                ('idempotency_key', fields.CharField(max_length=160)),
                ('args', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('kwargs', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('last_error', fields.TextField(null=True, unique=False)),
                ('trace_id', fields.CharField(null=True, max_length=32)),
                ('started_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'automation_jobs', 'app': 'concord', 'unique_together': (('tenant_id', 'message_id'),), 'indexes': [Index(fields=['tenant_id', 'status', 'created_at']), Index(fields=['tenant_id', 'actor', 'created_at'])], 'pk_attr': 'id', 'table_description': "One message's life, from enqueue to its final outcome, as the tenant sees it."},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Rule',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('name', fields.CharField(max_length=120)),
                ('event_type', fields.CharField(max_length=80)),
                ('condition', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('action', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('version', fields.IntField(default=1)),
                ('enabled', fields.BooleanField(default=True)),
            ],
            options={'table': 'automation_rules', 'app': 'concord', 'unique_together': (('tenant_id', 'name'),), 'indexes': [Index(fields=['tenant_id', 'event_type', 'enabled'])], 'pk_attr': 'id', 'table_description': '`when <event> [if <condition>] then <action>`, defined by the tenant. Its history is in RuleVersion.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='RuleExecution',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('rule', fields.ForeignKeyField('concord.Rule', source_field='rule_id', db_constraint=True, to_field='id', related_name='executions', on_delete=OnDelete.CASCADE)),
                ('rule_version', fields.IntField()),
                ('event_id', fields.UUIDField()),
                ('matched', fields.BooleanField()),
                ('outcome', fields.CharField(max_length=20)),
                ('detail', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'automation_rule_executions', 'app': 'concord', 'unique_together': (('tenant_id', 'rule_id', 'event_id'),), 'indexes': [Index(fields=['tenant_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'One run of a rule for one event: matched or not, and what its action did.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='RuleVersion',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('rule', fields.ForeignKeyField('concord.Rule', source_field='rule_id', db_constraint=True, to_field='id', related_name='versions', on_delete=OnDelete.CASCADE)),
                ('version', fields.IntField()),
                ('definition', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('saved_by', fields.CharField(max_length=120)),
            ],
            options={'table': 'automation_rule_versions', 'app': 'concord', 'unique_together': (('tenant_id', 'rule_id', 'version'),), 'pk_attr': 'id', 'table_description': 'A rule as it was saved, version by version.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Schedule',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('name', fields.CharField(max_length=120)),
                ('cron', fields.CharField(max_length=120)),
                ('job', fields.CharField(max_length=120)),
                ('params', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('enabled', fields.BooleanField(default=True)),
                ('last_slot_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'automation_schedules', 'app': 'concord', 'unique_together': (('tenant_id', 'name'),), 'pk_attr': 'id', 'table_description': 'A cron-like schedule of the tenant: which job to run, with what, when.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='ScheduleSlot',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('schedule', fields.ForeignKeyField('concord.Schedule', source_field='schedule_id', db_constraint=True, to_field='id', related_name='slots', on_delete=OnDelete.CASCADE)),
                ('slot_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('claimed_by', fields.CharField(max_length=120)),
            ],
            options={'table': 'automation_schedule_slots', 'app': 'concord', 'unique_together': (('tenant_id', 'schedule_id', 'slot_at'),), 'pk_attr': 'id', 'table_description': 'A slot of a schedule that has been claimed: the unique key makes each slot run exactly once.'},
            bases=['TenantOwnedModel'],
        ),
        ops.RunPython(
            tenant_tables_protected([
                "automation_applied_effects", "automation_jobs", "automation_rules", "automation_rule_versions",
                "automation_rule_executions", "automation_schedules", "automation_schedule_slots",
            ])
        ),
    ]
