"""What a platform operator sees of a tenant: its identity and status, none of its data, and the platform's
audit log of what was done to tenants."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from api.errors import UserError
from tenants.models import PlatformAuditEvent
from tenants.models import Tenant as TenantModel


@strawberry.type(name="PlatformTenant")
class PlatformTenant:
    id: strawberry.ID
    slug: str
    name: str
    status: str
    created_at: datetime
    suspended_at: datetime | None

    @classmethod
    def from_model(cls, tenant: TenantModel) -> PlatformTenant:
        return cls(
            id=tenant_global_id(tenant.id), slug=tenant.slug, name=tenant.name,
            status=str(tenant.status), created_at=tenant.created_at, suspended_at=tenant.suspended_at,
        )


def tenant_global_id(tenant_id) -> strawberry.ID:
    return strawberry.ID(relay.to_base64("Tenant", tenant_id))


@strawberry.type(name="PlatformAuditEntry")
class PlatformAuditEntry:
    actor: str = strawberry.field(description="`user:<operator id>`, `cli:<os user>`, or `system`.")
    action: str
    tenant_id: strawberry.ID | None = strawberry.field(description="The tenant's id as PlatformTenant.id gives it; it stays after a deletion.")
    tenant_slug: str | None
    target: str | None
    outcome: str = strawberry.field(description="succeeded, rejected (refused) or failed.")
    details: JSON
    trace_id: str | None
    created_at: datetime

    @classmethod
    def from_model(cls, entry: PlatformAuditEvent) -> PlatformAuditEntry:
        return cls(
            actor=entry.actor, action=entry.action, tenant_id=tenant_global_id(entry.tenant_id) if entry.tenant_id else None,
            tenant_slug=entry.tenant_slug, target=entry.target, outcome=entry.outcome, details=entry.details,
            trace_id=entry.trace_id, created_at=entry.created_at,
        )


@strawberry.type
class TenantPayload:
    tenant: PlatformTenant | None
    user_errors: list[UserError]


@strawberry.type
class CreateTenantPayload:
    tenant: PlatformTenant | None
    api_key: str | None = strawberry.field(description="The tenant's first admin key, shown only in this answer.")
    user_errors: list[UserError]
