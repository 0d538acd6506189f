from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from domain.automation.models import WorkItemStatus
from json import dumps, loads
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

from infra.db.rls import tenant_tables_protected

class Migration(migrations.Migration):
    dependencies = [('concord', '0009_bots')]

    initial = False

    operations = [
        ops.CreateModel(
            name='WorkItem',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('kind', fields.CharField(max_length=60)),
                ('subject_key', fields.CharField(max_length=160)),
                ('title', fields.CharField(max_length=200)),
                ('details', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('status', fields.CharEnumField(default=WorkItemStatus.OPEN, description='OPEN: open\nDONE: done', enum_type=WorkItemStatus, max_length=16)),
                ('assignee', fields.CharField(null=True, max_length=120)),
                ('resolved_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('resolved_by', fields.CharField(null=True, max_length=120)),
            ],
            options={'table': 'automation_work_items', 'app': 'concord', 'unique_together': (('tenant_id', 'subject_key'),), 'indexes': [Index(fields=['tenant_id', 'status', 'created_at']), Index(fields=['tenant_id', 'kind', 'status'])], 'pk_attr': 'id', 'table_description': 'Something an automation could not settle alone, put in front of a person (one per subject).'},
            bases=['TenantOwnedModel'],
        ),
        ops.RunPython(tenant_tables_protected(["automation_work_items"])),
    ]
