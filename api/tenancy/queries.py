"""Tenant administration queries."""

from __future__ import annotations

import strawberry

from api.context import Info
from api.ordering import apply_order
from api.pagination import Connection, paginate
from api.permissions import Requires
from api.tenancy.filters import ApiKeyFilter, ApiKeyOrder, AuditLogFilter, AuditLogOrder, SecretFilter, SecretOrder
from api.tenancy.types import ApiKeyNode, AuditEntryNode, SecretView
from tenants import keys as key_service
from tenants import vault
from tenants.audit import audit_events
from tenants.permissions import Scope


@strawberry.type
class TenancyQuery:
    @strawberry.field(permission_classes=[Requires(Scope.AUDIT_READ)], description="The tenant's audit log, newest first unless ordered.")
    async def audit_log(
        self,
        filter: AuditLogFilter | None = None,
        order_by: AuditLogOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[AuditEntryNode]:
        query = audit_events(**(filter or AuditLogFilter()).as_arguments())
        query = apply_order(query, order_by, default=("-created_at", "-id"))
        return await paginate(query, AuditEntryNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=[Requires(Scope.KEYS_MANAGE)], description="The tenant's API keys, newest first unless ordered.")
    async def api_keys(
        self,
        info: Info,
        filter: ApiKeyFilter | None = None,
        order_by: ApiKeyOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ApiKeyNode]:
        keys = key_service.tenant_keys(info.context.require_principal().tenant_id, **(filter or ApiKeyFilter()).as_arguments())
        keys = apply_order(keys, order_by, default=("-created_at", "-id"))
        return await paginate(keys, ApiKeyNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(
        permission_classes=[Requires(Scope.SECRETS_WRITE)], description="The vault's secrets, by name unless ordered: names and kinds only, never values."
    )
    async def secrets(
        self,
        filter: SecretFilter | None = None,
        order_by: SecretOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[SecretView]:
        query = apply_order(vault.secrets(**(filter or SecretFilter()).as_arguments()), order_by, default=("name", "id"))
        return await paginate(query, SecretView.from_model, first=first, after=after, last=last, before=before)
