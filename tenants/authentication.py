"""Turning a bearer credential (an API key or a user's JWT) into a principal."""

from __future__ import annotations

from datetime import UTC, datetime

from tenants.errors import TenantError, TenantErrorCode, unauthenticated
from tenants.keys import KEY_MARKER, parse_key, secret_matches
from tenants.models import ApiKey, ApiKeyKind, Tenant, TenantStatus
from tenants.permissions import effective_scopes
from tenants.principals import Principal
from tenants.tokens import TokenVerifier
from tenants.users import membership_role


async def authenticate_token(token: str | None, *, verifier: TokenVerifier) -> Principal:
    """The principal behind a bearer token; UNAUTHENTICATED whatever part was missing or wrong."""
    if not token:
        raise TenantError(TenantErrorCode.UNAUTHENTICATED, "authentication required: send Authorization: Bearer <token>")
    if token.startswith(f"{KEY_MARKER}_"):
        return await authenticate_api_key(token=token)
    return await authenticate_jwt(token=token, verifier=verifier)


async def authenticate_api_key(*, token: str) -> Principal:
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
        raise unauthenticated()
    _refuse_suspended(key.tenant)
    await ApiKey.filter(id=key.id).update(last_used_at=now)
    partner_limit = key.tenant.partner_scopes if key.kind is ApiKeyKind.PARTNER else None
    return Principal(
        tenant_id=key.tenant.id,
        tenant_slug=key.tenant.slug,
        subject=f"api_key:{key.id}",
        role=key.role,
        scopes=effective_scopes(key.role, granted=key.scopes, partner_limit=partner_limit),
        requests_per_minute=key.tenant.requests_per_minute,
        person_id=key.person_id,
        partner=key.kind is ApiKeyKind.PARTNER,
    )


async def authenticate_jwt(*, token: str, verifier: TokenVerifier) -> Principal:
    """A user's token counts only while the user is a member of the tenant it names."""
    claims = verifier.verify(token)
    tenant = await Tenant.get_or_none(id=claims.tenant_id)
    if tenant is None:
        raise unauthenticated()
    role = await membership_role(tenant_id=tenant.id, user_id=claims.user_id)
    if role is None:
        raise unauthenticated()
    _refuse_suspended(tenant)
    return Principal(
        tenant_id=tenant.id,
        tenant_slug=tenant.slug,
        subject=f"user:{claims.user_id}",
        role=role,
        scopes=effective_scopes(role),
        requests_per_minute=tenant.requests_per_minute,
        person_id=claims.user_id,
    )


def _refuse_suspended(tenant: Tenant) -> None:
    if tenant.status is TenantStatus.SUSPENDED:
        raise TenantError(TenantErrorCode.TENANT_SUSPENDED, "this tenant is suspended")
