"""The platform API (`/platform/graphql`): operators create, list, suspend and resume tenants."""

from __future__ import annotations

import strawberry

from api.errors import user_error
from api.pagination import Connection, paginate
from api.platform.types import CreateTenantPayload, PlatformTenant, TenantPayload
from tenants import lifecycle
from tenants.errors import TenantError
from tenants.models import Tenant


@strawberry.input
class CreateTenantInput:
    slug: str
    name: str


@strawberry.input
class TenantSlugInput:
    slug: str


@strawberry.type
class PlatformQuery:
    @strawberry.field(description="Every tenant, by slug.")
    async def tenants(
        self, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[PlatformTenant]:
        return await paginate(Tenant.all().order_by("slug"), PlatformTenant.from_model, first=first, after=after, last=last, before=before)


@strawberry.type
class PlatformMutation:
    @strawberry.mutation(description="Create a tenant with its first admin API key.")
    async def create_tenant(self, input: CreateTenantInput) -> CreateTenantPayload:
        try:
            created = await lifecycle.create_tenant(slug=input.slug, name=input.name)
        except TenantError as error:
            return CreateTenantPayload(tenant=None, api_key=None, user_errors=[user_error(error)])
        return CreateTenantPayload(tenant=PlatformTenant.from_model(created.tenant), api_key=created.api_key, user_errors=[])

    @strawberry.mutation(description="Suspend a tenant: its requests answer TENANT_SUSPENDED and its work pauses.")
    async def suspend_tenant(self, input: TenantSlugInput) -> TenantPayload:
        return await _change(lifecycle.suspend_tenant, input.slug)

    @strawberry.mutation(description="Lift a tenant's suspension.")
    async def resume_tenant(self, input: TenantSlugInput) -> TenantPayload:
        return await _change(lifecycle.resume_tenant, input.slug)


async def _change(change, slug: str) -> TenantPayload:
    try:
        tenant = await change(slug=slug)
    except TenantError as error:
        return TenantPayload(tenant=None, user_errors=[user_error(error)])
    return TenantPayload(tenant=PlatformTenant.from_model(tenant), user_errors=[])


platform_schema = strawberry.Schema(query=PlatformQuery, mutation=PlatformMutation)
