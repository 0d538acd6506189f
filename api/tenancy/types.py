"""Tenant administration in the graph: API keys, secrets (never their values) and the audit log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from api.context import Info
from api.node_ids import parse_node_ids
from tenants import keys as key_service
from tenants.audit import audit_events
from tenants.models import ApiKey as ApiKeyModel
from tenants.models import AuditEvent as AuditEventModel
from tenants.models import Secret as SecretModel
from tenants.permissions import Scope


@strawberry.type(name="ApiKey", description="A credential of the tenant. Its secret was shown once, at creation.")
class ApiKeyNode(relay.Node):
    read_scope = Scope.KEYS_MANAGE

    id: relay.NodeID[str]
    name: str
    kind: str
    role: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None

    @classmethod
    def from_model(cls, key: ApiKeyModel) -> ApiKeyNode:
        return cls(
            id=str(key.id), name=key.name, kind=str(key.kind), role=str(key.role), prefix=key.prefix,
            scopes=list(key.scopes), created_at=key.created_at, expires_at=key.expires_at,
            revoked_at=key.revoked_at, last_used_at=key.last_used_at,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        wanted = parse_node_ids(list(node_ids))
        tenant_id = info.context.require_principal().tenant_id
        found = await key_service.tenant_keys(tenant_id).filter(id__in=[i for i in wanted if i])
        by_id = {row.id: cls.from_model(row) for row in found}
        return [by_id.get(row_id) if row_id else None for row_id in wanted]


@strawberry.type(name="Secret", description="A secret in the tenant's vault: its name and kind, never its value.")
class SecretView:
    name: str
    kind: str
    updated_at: datetime

    @classmethod
    def from_model(cls, secret: SecretModel) -> SecretView:
        return cls(name=secret.name, kind=secret.kind, updated_at=secret.updated_at)


@strawberry.type(name="AuditEntry", description="One entry of the tenant's append-only audit log.")
class AuditEntryNode(relay.Node):
    read_scope = Scope.AUDIT_READ

    id: relay.NodeID[str]
    actor: str
    action: str
    target: str | None
    outcome: str
    details: JSON
    trace_id: str | None
    occurred_at: datetime

    @classmethod
    def from_model(cls, entry: AuditEventModel) -> AuditEntryNode:
        return cls(
            id=str(entry.id), actor=entry.actor, action=entry.action, target=entry.target, outcome=entry.outcome,
            details=entry.details, trace_id=entry.trace_id, occurred_at=entry.created_at,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        wanted = parse_node_ids(list(node_ids))
        found = await audit_events().filter(id__in=[i for i in wanted if i])
        by_id = {row.id: cls.from_model(row) for row in found}
        return [by_id.get(row_id) if row_id else None for row_id in wanted]
