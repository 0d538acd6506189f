"""Tenancy's tables: tenants, users and memberships, API keys, secrets and the audit logs (tenant and platform)."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from tenants.ownership import TenantOwnedModel


class TenantStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"


class Role(StrEnum):
    ADMIN = "admin"
    FRONT_OFFICE = "front_office"
    BACK_OFFICE = "back_office"
    READ_ONLY = "read_only"


class ApiKeyKind(StrEnum):
    TENANT = "tenant"
    PARTNER = "partner"  # an embedded partner app: limited to the scopes the tenant granted partners


class Tenant(Model):
    """A customer company of Concord, owner of every business row it creates."""

    id = fields.UUIDField(primary_key=True)
    slug = fields.CharField(max_length=63, unique=True)
    name = fields.CharField(max_length=200)
    status = fields.CharEnumField(TenantStatus, max_length=16, default=TenantStatus.ACTIVE)
    partner_scopes = fields.JSONField(default=list)
    requests_per_minute = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    suspended_at = fields.DatetimeField(null=True)

    class Meta:
        table = "tenants"


class User(Model):
    """A person who can sign in, and belong to several tenants."""

    id = fields.UUIDField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)
    name = fields.CharField(max_length=200)
    password_hash = fields.CharField(max_length=200, null=True)
    is_platform_operator = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "users"


class Membership(TenantOwnedModel):
    """A user's role in one tenant."""

    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "concord.User", related_name="memberships", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(Role, max_length=16)

    class Meta:
        table = "memberships"
        unique_together = (("tenant_id", "user_id"),)


class ApiKey(Model):
    """A bearer credential of one tenant. Only a hash of the secret is stored, the prefix is public.

    A platform table (no row-level security): a key is looked up before its tenant is known.
    """

    id = fields.UUIDField(primary_key=True)
    tenant: fields.ForeignKeyRelation[Tenant] = fields.ForeignKeyField(
        "concord.Tenant", related_name="api_keys", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(ApiKeyKind, max_length=16, default=ApiKeyKind.TENANT)
    name = fields.CharField(max_length=100)
    prefix = fields.CharField(max_length=16, unique=True)
    secret_hash = fields.CharField(max_length=64)
    role = fields.CharEnumField(Role, max_length=16, default=Role.ADMIN)
    scopes = fields.JSONField(default=list)
    created_by = fields.CharField(max_length=80, null=True)
    # The person the key speaks for: the user who minted it, or the person of the key that minted it.
    # NULL for keys the platform or CLI issued (and keys they mint): such a key is nobody for four eyes.
    # A deleted user's keys keep working but stop speaking for anyone.
    person: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "concord.User", related_name="api_keys", null=True, on_delete=fields.SET_NULL
    )
    person_id: object
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_keys"
        indexes = (("tenant_id", "created_at"),)


class Secret(TenantOwnedModel):
    """A tenant's secret (portal password, TOTP seed, signing key), stored only encrypted."""

    name = fields.CharField(max_length=120)
    kind = fields.CharField(max_length=40)
    ciphertext = fields.TextField()
    key_version = fields.IntField()

    class Meta:
        table = "secrets"
        unique_together = (("tenant_id", "name"),)


class AuditEvent(TenantOwnedModel):
    """Who did what, in which tenant, when, and how it ended. Append-only."""

    actor = fields.CharField(max_length=120)
    action = fields.CharField(max_length=120)
    target = fields.CharField(max_length=200, null=True)
    outcome = fields.CharField(max_length=20)
    details = fields.JSONField(default=dict)
    trace_id = fields.CharField(max_length=32, null=True)

    class Meta:
        table = "audit_events"
        indexes = (("tenant_id", "created_at"), ("tenant_id", "action"))


class PlatformAuditEvent(Model):
    """What platform operators, the CLI and the platform itself did to tenants, and how it ended. Append-only."""

    # A platform table with no foreign key to tenants: a tenant's deletion purges its own audit log, and
    # this is where the record of that deletion (and of acts on tenants that never existed) survives,
    # naming the tenant by id and slug.

    id = fields.UUIDField(primary_key=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    actor = fields.CharField(max_length=120)
    action = fields.CharField(max_length=120)
    tenant_id = fields.UUIDField(null=True)
    tenant_slug = fields.CharField(max_length=63, null=True)
    target = fields.CharField(max_length=200, null=True)
    outcome = fields.CharField(max_length=20)
    details = fields.JSONField(default=dict)
    trace_id = fields.CharField(max_length=32, null=True)

    class Meta:
        table = "platform_audit_events"
        indexes = (("created_at",), ("tenant_id", "created_at"), ("action", "created_at"))
