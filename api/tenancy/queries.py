"""Tenant administration queries."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.context import Info
from api.pagination import Connection, paginate
from api.permissions import Requires
from api.tenancy.types import ApiKeyNode, AuditEntryNode, SecretView
from tenants import keys as key_service
from tenants import vault
from tenants.audit import Outcome, audit_events
from tenants.permissions import Scope


AuditOutcome = strawberry.enum(Outcome, name="AuditOutcome", description="How an audited action ended.")


@strawberry.input(description="Narrow the audit log; every given field must match.")
class AuditLogFilter:
    actor: str | None = None
    action: str | None = None
    outcome: AuditOutcome | None = None
    since: datetime | None = None
    until: datetime | None = None


@strawberry.type
class TenancyQuery:
    @strawberry.field(permission_classes=[Requires(Scope.AUDIT_READ)], description="The tenant's audit log, newest first.")
    async def audit_log(
        self,
        filter: AuditLogFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[AuditEntryNode]:
        filter = filter or AuditLogFilter()
        query = audit_events(
            actor=filter.actor, action=filter.action, outcome=filter.outcome,
            since=filter.since, until=filter.until,
        )
        return await paginate(query, AuditEntryNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=[Requires(Scope.KEYS_MANAGE)], description="The tenant's API keys, newest first.")
    async def api_keys(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[ApiKeyNode]:
        keys = key_service.tenant_keys(info.context.require_principal().tenant_id)
        return await paginate(keys, ApiKeyNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=[Requires(Scope.SECRETS_WRITE)], description="The vault's secrets: names and kinds only.")
    async def secrets(self) -> list[SecretView]:
        return [SecretView.from_model(secret) for secret in await vault.secrets()]
