from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tenants.models import ApiKeyKind, Role
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

from infra.db.rls import append_only_statements, on_postgres, tenant_tables_protected


class Migration(migrations.Migration):
    dependencies = [('concord', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('actor', fields.CharField(max_length=120)),
                ('action', fields.CharField(max_length=120)),
                ('target', fields.CharField(null=True, max_length=200)),
                ('outcome', fields.CharField(max_length=20)),
                ('details', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('trace_id', fields.CharField(null=True, max_length=32)),
            ],
            options={'table': 'audit_events', 'app': 'concord', 'indexes': [Index(fields=['tenant_id', 'created_at']), Index(fields=['tenant_id', 'action'])], 'pk_attr': 'id', 'table_description': 'Who did what, in which tenant, when, and how it ended. Append-only.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='OutboxEvent',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('event_type', fields.CharField(max_length=80)),
                ('payload', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('idempotency_key', fields.CharField(max_length=120)),
                ('trace_context', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('published_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('publish_attempts', fields.IntField(default=0)),
                ('last_error', fields.TextField(null=True, unique=False)),
            ],
            options={'table': 'outbox_events', 'app': 'concord', 'unique_together': (('tenant_id', 'idempotency_key'),), 'indexes': [Index(fields=['tenant_id', 'published_at', 'created_at'])], 'pk_attr': 'id', 'table_description': 'A domain event waiting to be (or already) published to the broker.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Secret',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('name', fields.CharField(max_length=120)),
                ('kind', fields.CharField(max_length=40)),
                ('ciphertext', fields.TextField(unique=False)),
                ('key_version', fields.IntField()),
            ],
            options={'table': 'secrets', 'app': 'concord', 'unique_together': (('tenant_id', 'name'),), 'pk_attr': 'id', 'table_description': "A tenant's secret (portal password, TOTP seed, signing key), stored only encrypted."},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='User',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('email', fields.CharField(unique=True, max_length=254)),
                ('name', fields.CharField(max_length=200)),
                ('password_hash', fields.CharField(null=True, max_length=200)),
                ('is_platform_operator', fields.BooleanField(default=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'users', 'app': 'concord', 'pk_attr': 'id', 'table_description': 'A person who can sign in, and belong to several tenants.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Membership',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('user', fields.ForeignKeyField('concord.User', source_field='user_id', db_constraint=True, to_field='id', related_name='memberships', on_delete=OnDelete.CASCADE)),
                ('role', fields.CharEnumField(description='ADMIN: admin\nFRONT_OFFICE: front_office\nBACK_OFFICE: back_office\nREAD_ONLY: read_only', enum_type=Role, max_length=16)),
            ],
            options={'table': 'memberships', 'app': 'concord', 'unique_together': (('tenant_id', 'user_id'),), 'pk_attr': 'id', 'table_description': "A user's role in one tenant."},
            bases=['TenantOwnedModel'],
        ),
        ops.AddField(
            model_name='ApiKey',
            name='created_by',
            field=fields.CharField(null=True, max_length=80),
        ),
        ops.AddField(
            model_name='ApiKey',
            name='kind',
            field=fields.CharEnumField(default=ApiKeyKind.TENANT, description='TENANT: tenant\nPARTNER: partner', enum_type=ApiKeyKind, max_length=16),
        ),
        ops.AddField(
            model_name='ApiKey',
            name='role',
            field=fields.CharEnumField(default=Role.ADMIN, description='ADMIN: admin\nFRONT_OFFICE: front_office\nBACK_OFFICE: back_office\nREAD_ONLY: read_only', enum_type=Role, max_length=16),
        ),
        ops.AddField(
            model_name='Tenant',
            name='partner_scopes',
            field=fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='Tenant',
            name='requests_per_minute',
            field=fields.IntField(null=True),
        ),
        ops.AddField(
            model_name='Tenant',
            name='suspended_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.RunPython(
            tenant_tables_protected(["crm_customers", "memberships", "secrets", "audit_events", "outbox_events"])
        ),
        ops.RunPython(on_postgres(append_only_statements("audit_events"))),
    ]
