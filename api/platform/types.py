"""What a platform operator sees of a tenant: its identity and status, none of its data."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay

from api.errors import UserError
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
            id=strawberry.ID(relay.to_base64("Tenant", tenant.id)), slug=tenant.slug, name=tenant.name,
            status=str(tenant.status), created_at=tenant.created_at, suspended_at=tenant.suspended_at,
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
