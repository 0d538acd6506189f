"""A tenant's life: created, suspended and resumed (exported and deleted: see tenants.export), each act in the
platform's audit log (tenants.audit.platform_act) whether it succeeded, was refused or failed."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from tenants.audit import Outcome, platform_act, record_audit
from tenants.credential_changes import Affected, announce
from tenants.errors import TenantError, TenantErrorCode
from tenants.keys import create_api_key, refuse_grant
from tenants.models import Role, Tenant, TenantStatus
from tenants.permissions import UnknownScope, parse_scopes, scopes_beyond
from tenants.principals import Principal

SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9-]{1,62}$")


@dataclass(frozen=True)
class CreatedTenant:
    tenant: Tenant
    api_key: str  # the first admin key, shown once


async def create_tenant(*, slug: str, name: str, actor: str = "system") -> CreatedTenant:
    """Create a tenant with a first admin API key, recorded in the platform's audit log as `actor`."""
    async with platform_act(actor=actor, action="tenant.create", tenant_slug=slug, details={"name": name}) as act:
        if not SLUG_PATTERN.match(slug):
            raise TenantError(
                TenantErrorCode.INVALID_SLUG,
                f"slug {slug!r} must be 2-63 lowercase letters, digits or hyphens, starting with a letter",
                field="slug",
            )
        if not name.strip():
            raise TenantError(TenantErrorCode.INVALID_NAME, "name must not be empty", field="name")
        if await Tenant.filter(slug=slug).exists():
            raise TenantError(TenantErrorCode.SLUG_TAKEN, f"a tenant with slug {slug!r} exists", field="slug")
        tenant = await Tenant.create(slug=slug, name=name.strip())
        act.about(tenant)
        _, plaintext = await create_api_key(tenant_id=tenant.id, name="admin", role=Role.ADMIN, created_by="system:create_tenant")
    return CreatedTenant(tenant=tenant, api_key=plaintext)


async def get_tenant(*, tenant_id: uuid.UUID) -> Tenant:
    """The tenant a principal belongs to; it exists for as long as the principal does."""
    return await Tenant.get(id=tenant_id)


async def get_tenant_by_slug(*, slug: str) -> Tenant | None:
    return await Tenant.get_or_none(slug=slug)


async def get_tenant_by_slug_or_raise(*, slug: str) -> Tenant:
    tenant = await get_tenant_by_slug(slug=slug)
    if tenant is None:
        raise TenantError(TenantErrorCode.NOT_FOUND, f"no tenant with slug {slug!r}", field="slug")
    return tenant


async def suspend_tenant(*, slug: str, actor: str = "system") -> Tenant:
    """Suspend a tenant: its requests answer TENANT_SUSPENDED and its jobs and bot runs pause. Recorded in the
    platform's audit log as `actor`, refused (an unknown slug) or not."""
    async with platform_act(actor=actor, action="tenant.suspend", tenant_slug=slug) as act:
        tenant = await get_tenant_by_slug_or_raise(slug=slug)
        act.about(tenant)
        act.details["previous_status"] = str(tenant.status)
        if tenant.status is not TenantStatus.SUSPENDED:
            tenant.status = TenantStatus.SUSPENDED
            tenant.suspended_at = datetime.now(UTC)
            await tenant.save(update_fields=["status", "suspended_at"])
            await announce(Affected.TENANT, tenant.id)
    return tenant


async def resume_tenant(*, slug: str, actor: str = "system") -> Tenant:
    """Lift a tenant's suspension, recorded in the platform's audit log as `actor`."""
    async with platform_act(actor=actor, action="tenant.resume", tenant_slug=slug) as act:
        tenant = await get_tenant_by_slug_or_raise(slug=slug)
        act.about(tenant)
        act.details["previous_status"] = str(tenant.status)
        tenant.status = TenantStatus.ACTIVE
        tenant.suspended_at = None
        await tenant.save(update_fields=["status", "suspended_at"])
    return tenant


async def is_tenant_active(*, tenant_id: uuid.UUID) -> bool:
    return await Tenant.filter(id=tenant_id, status=TenantStatus.ACTIVE).exists()


async def grant_partner_scopes(*, granted_by: Principal, scopes: list[str]) -> Tenant:
    """Set the scopes the caller's tenant lets embedded partner apps have. A caller may narrow them, and keep
    what partners had, but add only scopes it holds itself (FORBIDDEN naming the others); a partner app's
    key cannot change them at all."""
    try:
        granted = sorted(parse_scopes(scopes))
    except UnknownScope as error:
        raise TenantError(TenantErrorCode.INVALID_SCOPE, str(error), field="scopes") from None
    tenant = await Tenant.get(id=granted_by.tenant_id)
    details = {"scopes": granted, "person": granted_by.person}
    if granted_by.partner:
        message = "a partner app's key cannot change what partner apps may have"
        raise await refuse_grant(granted_by, "partner_scopes.grant", details, message, field="scopes")
    refused = scopes_beyond(granted_by.scopes, set(granted) - set(tenant.partner_scopes))
    if refused:
        message = f"cannot grant scopes the caller does not have: {', '.join(refused)}"
        raise await refuse_grant(granted_by, "partner_scopes.grant", {**details, "refused_scopes": refused}, message, field="scopes")
    previous = list(tenant.partner_scopes)
    tenant.partner_scopes = granted
    await tenant.save(update_fields=["partner_scopes"])
    await announce(Affected.TENANT, tenant.id)  # partner keys' scopes change with the grant
    await record_audit(
        actor=granted_by.subject, action="partner_scopes.grant", outcome=Outcome.SUCCEEDED, target=f"tenant:{tenant.id}",
        details={**details, "previous": previous},
    )
    return tenant


async def active_tenant_ids() -> list[uuid.UUID]:
    """Every tenant that may run work now (platform-wide: for relays and schedulers)."""
    return list(await Tenant.filter(status=TenantStatus.ACTIVE).order_by("created_at").values_list("id", flat=True))
