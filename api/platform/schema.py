"""The platform API (`/platform/graphql`): operators create, list, suspend and resume tenants, each act in the
platform's audit log as `user:<operator id>`, and read that log."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.errors import user_error
from api.pagination import Connection, paginate
from api.platform.types import CreateTenantPayload, PlatformAuditEntry, PlatformTenant, TenantPayload
from tenants import lifecycle
from tenants.audit import platform_audit_events
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

    @strawberry.field(description="What operators, the CLI and the platform did to tenants, newest first; it outlives deleted tenants.")
    async def audit_log(
        self,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        tenant_slug: str | None = None,
        action: str | None = None,
    ) -> Connection[PlatformAuditEntry]:
        entries = platform_audit_events(tenant_slug=tenant_slug, action=action)
        return await paginate(entries, PlatformAuditEntry.from_model, first=first, after=after, last=last, before=before)


@strawberry.type
class PlatformMutation:
    @strawberry.mutation(description="Create a tenant with its first admin API key.")
    async def create_tenant(self, info: Info, input: CreateTenantInput) -> CreateTenantPayload:
        try:
            created = await lifecycle.create_tenant(slug=input.slug, name=input.name, actor=_operator(info))
        except TenantError as error:
            return CreateTenantPayload(tenant=None, api_key=None, user_errors=[user_error(error)])
        return CreateTenantPayload(tenant=PlatformTenant.from_model(created.tenant), api_key=created.api_key, user_errors=[])

    @strawberry.mutation(description="Suspend a tenant: its requests answer TENANT_SUSPENDED and its work pauses.")
    async def suspend_tenant(self, info: Info, input: TenantSlugInput) -> TenantPayload:
        return await _change(lifecycle.suspend_tenant, input.slug, _operator(info))

    @strawberry.mutation(description="Lift a tenant's suspension.")
    async def resume_tenant(self, info: Info, input: TenantSlugInput) -> TenantPayload:
        return await _change(lifecycle.resume_tenant, input.slug, _operator(info))


def _operator(info: Info) -> str:
    """The audit log's name for the operator the gate let in (PlatformGate puts their id in the request's state)."""
    return f"user:{info.context['request'].state.operator_id}"


async def _change(change, slug: str, actor: str) -> TenantPayload:
    try:
        tenant = await change(slug=slug, actor=actor)
    except TenantError as error:
        return TenantPayload(tenant=None, user_errors=[user_error(error)])
    return TenantPayload(tenant=PlatformTenant.from_model(tenant), user_errors=[])


platform_schema = strawberry.Schema(query=PlatformQuery, mutation=PlatformMutation)
