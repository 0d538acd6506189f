"""Tenant administration filter and order inputs: the audit log, API keys and the vault's secrets."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from api.ordering import OrderDirection
from tenants.audit import Outcome
from tenants.models import ApiKeyKind, Role
from tenants.vault import SecretKind

AuditOutcome = strawberry.enum(Outcome, name="AuditOutcome", description="How an audited action ended.")
ApiKeyKindValue = strawberry.enum(ApiKeyKind, name="ApiKeyKind", description="A tenant's own key, or an embedded partner app's.")
ApiKeyRole = strawberry.enum(Role, name="ApiKeyRole", description="The role a key acts with.")
SecretKindValue = strawberry.enum(SecretKind, name="SecretKind", description="What a vault secret is.")


@strawberry.input(description="Narrow the audit log; every given field must match.")
class AuditLogFilter:
    actor: str | None = None
    action: str | None = None
    outcome: AuditOutcome | None = None
    since: datetime | None = None
    until: datetime | None = None

    def as_arguments(self) -> dict:
        return {"actor": self.actor, "action": self.action, "outcome": self.outcome, "since": self.since, "until": self.until}


@strawberry.enum
class AuditLogOrderField(Enum):
    OCCURRED_AT = "created_at"


@strawberry.input(description="The audit log is append-only and read by time: newest first by default.")
class AuditLogOrder:
    field: AuditLogOrderField = AuditLogOrderField.OCCURRED_AT
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input(description="Narrow the API keys; every given field must match.")
class ApiKeyFilter:
    kind: ApiKeyKindValue | None = None
    role: ApiKeyRole | None = None
    revoked: bool | None = strawberry.field(default=None, description="True: only revoked keys; false: only keys still usable (or expired).")
    name_contains: str | None = None

    def as_arguments(self) -> dict:
        return {"kind": self.kind, "role": self.role, "revoked": self.revoked, "name_contains": self.name_contains}


@strawberry.enum
class ApiKeyOrderField(Enum):
    CREATED_AT = "created_at"
    NAME = "name"
    LAST_USED_AT = "last_used_at"
    EXPIRES_AT = "expires_at"


@strawberry.input
class ApiKeyOrder:
    field: ApiKeyOrderField
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input(description="Narrow the vault's secrets; every given field must match.")
class SecretFilter:
    kind: SecretKindValue | None = None
    name_prefix: str | None = strawberry.field(default=None, description="Names starting with this, e.g. `bank.`.")

    def as_arguments(self) -> dict:
        return {"kind": self.kind, "name_prefix": self.name_prefix}


@strawberry.enum
class SecretOrderField(Enum):
    NAME = "name"
    UPDATED_AT = "updated_at"


@strawberry.input
class SecretOrder:
    field: SecretOrderField
    direction: OrderDirection = OrderDirection.ASC
