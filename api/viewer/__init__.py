"""`viewer`: who is calling, and for which tenant."""

from __future__ import annotations

import strawberry
from strawberry import relay

from api.context import Info
from tenants import lifecycle as tenant_lifecycle


@strawberry.type(name="Tenant", description="The company whose data this request reaches.")
class TenantView:
    id: strawberry.ID
    slug: str
    name: str
    status: str


@strawberry.type(description="The authenticated caller.")
class Viewer:
    subject: str
    scopes: list[str]
    tenant: TenantView


@strawberry.type
class ViewerQuery:
    @strawberry.field(description="The authenticated caller and its tenant.")
    async def viewer(self, info: Info) -> Viewer:
        principal = info.context.require_principal()
        tenant = await tenant_lifecycle.get_tenant(tenant_id=principal.tenant_id)
        return Viewer(
            subject=principal.subject,
            scopes=sorted(principal.scopes),
            tenant=TenantView(
                id=relay.to_base64("Tenant", tenant.id), slug=tenant.slug, name=tenant.name, status=str(tenant.status)
            ),
        )
