"""Tenant lifecycle and authentication of API keys."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from tenants.api_keys import issue_key, parse_key, secret_matches
from tenants.errors import TenantError, TenantErrorCode
from tenants.models import ApiKey, Tenant, TenantStatus
from tenants.principals import Principal

SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9-]{1,62}$")
ALL_SCOPES = frozenset({"*"})


@dataclass(frozen=True)
class CreatedTenant:
    tenant: Tenant
    api_key: str  # the admin key, shown once


async def create_tenant(*, slug: str, name: str) -> CreatedTenant:
    """Create a tenant with a first admin API key."""
    if not SLUG_PATTERN.match(slug):
        raise TenantError(
            TenantErrorCode.INVALID_SLUG,
            f"slug {slug!r} must be 2-63 lowercase letters, digits or hyphens, starting with a letter",
            field="slug",
        )
    if not name.strip():
        raise TenantError(TenantErrorCode.INVALID_NAME, "name must not be empty", field="name")
    async with in_transaction():
        if await Tenant.filter(slug=slug).exists():
            raise TenantError(TenantErrorCode.SLUG_TAKEN, f"a tenant with slug {slug!r} exists", field="slug")
        tenant = await Tenant.create(slug=slug, name=name.strip())
        key = await create_api_key(tenant=tenant, name="admin", scopes=sorted(ALL_SCOPES))
    return CreatedTenant(tenant=tenant, api_key=key)


async def create_api_key(*, tenant: Tenant, name: str, scopes: list[str]) -> str:
    """Issue a key for `tenant`; returns the plaintext, which is never stored."""
    issued = issue_key()
    await ApiKey.create(tenant=tenant, name=name, prefix=issued.prefix, secret_hash=issued.secret_hash, scopes=scopes)
    return issued.plaintext


async def get_tenant_by_slug(*, slug: str) -> Tenant | None:
    return await Tenant.get_or_none(slug=slug)


async def authenticate_api_key(*, token: str) -> Principal:
    """The principal behind a presented key; the same error whatever part was wrong."""
    presented = parse_key(token)
    key = await ApiKey.get_or_none(prefix=presented.prefix).select_related("tenant") if presented else None
    now = datetime.now(UTC)
    if (
        presented is None
        or key is None
        or not secret_matches(presented, key.secret_hash)
        or key.revoked_at is not None
        or (key.expires_at is not None and key.expires_at <= now)
    ):
        raise TenantError(TenantErrorCode.UNAUTHENTICATED, "invalid or expired credentials")
    if key.tenant.status is TenantStatus.SUSPENDED:
        raise TenantError(TenantErrorCode.TENANT_SUSPENDED, "this tenant is suspended")
    await ApiKey.filter(id=key.id).update(last_used_at=now)
    return Principal(
        tenant_id=key.tenant.id,
        tenant_slug=key.tenant.slug,
        subject=f"api_key:{key.id}",
        scopes=frozenset(key.scopes),
    )


async def get_tenant(*, tenant_id) -> Tenant:
    """The tenant a principal belongs to; it exists for as long as the principal does."""
    return await Tenant.get(id=tenant_id)
