from tortoise import migrations
from tortoise.migrations import operations as ops
from domain.crm.models import Channel, Direction
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

from infra.db.rls import tenant_tables_protected


class Migration(migrations.Migration):
    dependencies = [('concord', '0002_tenancy')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Contact',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('customer', fields.ForeignKeyField('concord.Customer', source_field='customer_id', db_constraint=True, to_field='id', related_name='contacts', on_delete=OnDelete.NO_ACTION)),
                ('first_name', fields.CharField(max_length=100)),
                ('last_name', fields.CharField(max_length=100)),
                ('email', fields.CharField(null=True, max_length=254)),
                ('phone', fields.CharField(null=True, max_length=40)),
                ('job_title', fields.CharField(null=True, max_length=120)),
            ],
            options={'table': 'crm_contacts', 'app': 'concord', 'indexes': [Index(fields=['tenant_id', 'customer_id']), Index(fields=['tenant_id', 'last_name', 'first_name'])], 'pk_attr': 'id', 'table_description': 'A person at a customer.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='DocumentSequence',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('name', fields.CharField(max_length=40)),
                ('last_value', fields.BigIntField(default=0)),
            ],
            options={'table': 'document_sequences', 'app': 'concord', 'unique_together': (('tenant_id', 'name'),), 'pk_attr': 'id', 'table_description': 'The last number handed out for one kind of document of one tenant.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Interaction',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('customer', fields.ForeignKeyField('concord.Customer', source_field='customer_id', db_constraint=True, to_field='id', related_name='interactions', on_delete=OnDelete.NO_ACTION)),
                ('contact', fields.ForeignKeyField('concord.Contact', source_field='contact_id', null=True, db_constraint=True, to_field='id', related_name='interactions', on_delete=OnDelete.SET_NULL)),
                ('channel', fields.CharEnumField(description='EMAIL: email\nPHONE: phone\nCHAT: chat\nMEETING: meeting\nPORTAL: portal', enum_type=Channel, max_length=16)),
                ('direction', fields.CharEnumField(description='INBOUND: inbound\nOUTBOUND: outbound', enum_type=Direction, max_length=16)),
                ('subject', fields.CharField(max_length=200)),
                ('summary', fields.TextField(null=True, unique=False)),
                ('occurred_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('recorded_by', fields.CharField(null=True, max_length=80)),
            ],
            options={'table': 'crm_interactions', 'app': 'concord', 'indexes': [Index(fields=['tenant_id', 'customer_id', 'occurred_at']), Index(fields=['tenant_id', 'channel', 'occurred_at'])], 'pk_attr': 'id', 'table_description': 'One touchpoint with a customer (an email, call, chat, meeting or portal message).'},
            bases=['TenantOwnedModel'],
        ),
        ops.RunPython(tenant_tables_protected(["crm_contacts", "crm_interactions", "document_sequences"])),
    ]
