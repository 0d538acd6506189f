"""`viewer`: who is calling, and for which tenant."""

from __future__ import annotations

import asyncio
import uuid

import strawberry
from strawberry import relay

from api.context import Info
from tenants import lifecycle as tenant_lifecycle
from tenants.models import Tenant


@strawberry.type(name="Tenant", description="The company whose data this request reaches.")
class TenantView:
    id: strawberry.ID
    slug: str
    _tenant_id: strawberry.Private[uuid.UUID]

    # The id and slug come with the caller's credential; only the name and status need the tenant's row.
    @strawberry.field
    async def name(self, info: Info) -> str:
        return (await _tenant(info, self._tenant_id)).name

    @strawberry.field
    async def status(self, info: Info) -> str:
        return str((await _tenant(info, self._tenant_id)).status)


async def _tenant(info: Info, tenant_id: uuid.UUID) -> Tenant:
    """The tenant's row, read once per request however many of its fields are asked for."""
    loaders = info.context.loaders
    if "viewer.tenant" not in loaders:
        loaders["viewer.tenant"] = asyncio.ensure_future(tenant_lifecycle.get_tenant(tenant_id=tenant_id))
    return await loaders["viewer.tenant"]


@strawberry.type(description="The authenticated caller.")
class Viewer:
    subject: str
    scopes: list[str]
    tenant: TenantView


@strawberry.type
class ViewerQuery:
    @strawberry.field(description="The authenticated caller and its tenant.")
    def viewer(self, info: Info) -> Viewer:
        principal = info.context.require_principal()
        return Viewer(
            subject=principal.subject,
            scopes=sorted(principal.scopes),
            tenant=TenantView(
                id=relay.to_base64("Tenant", principal.tenant_id), slug=principal.tenant_slug, _tenant_id=principal.tenant_id
            ),
        )
