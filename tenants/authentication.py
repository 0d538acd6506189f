"""Turning a bearer credential (an API key or a user's JWT) into a principal.

A credential seen in the last seconds is served from the process's credential cache (see
tenants.credential_cache for how revocations reach it); a JWT's signature and expiry are checked
on every request all the same, since that needs no database.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import UTC, datetime

from tenants.credential_cache import CREDENTIALS, CachedCredential
from tenants.errors import TenantError, TenantErrorCode, unauthenticated
from tenants.keys import KEY_MARKER, parse_key, secret_matches
from tenants.models import ApiKey, ApiKeyKind, Tenant, TenantStatus
from tenants.permissions import effective_scopes
from tenants.principals import Principal
from tenants.tokens import TokenClaims, TokenVerifier
from tenants.users import membership_role


log = logging.getLogger(__name__)
_last_used_writes: set[asyncio.Task] = set()  # kept referenced until done


async def authenticate_token(token: str | None, *, verifier: TokenVerifier) -> Principal:
    """The principal behind a bearer token; UNAUTHENTICATED whatever part was missing or wrong."""
    if not token:
        raise TenantError(TenantErrorCode.UNAUTHENTICATED, "authentication required: send Authorization: Bearer <token>")
    if token.startswith(f"{KEY_MARKER}_"):
        cached = CREDENTIALS.get(token)
        if cached is None:
            return await authenticate_api_key(token=token)
        _note_key_used(cached)
        return cached.principal
    claims = verifier.verify(token)  # signature and expiry, before any cached answer counts
    cached = CREDENTIALS.get(token)
    return cached.principal if cached is not None else await _user_principal(token, claims)


def _note_key_used(entry: CachedCredential) -> None:
    """Write the key's `last_used_at` at most once a minute, in the background: never on the request's path."""
    if not CREDENTIALS.claim_last_used_write(entry):
        return
    task = asyncio.get_running_loop().create_task(_write_last_used(entry.key_id))
    _last_used_writes.add(task)
    task.add_done_callback(_last_used_writes.discard)


async def _write_last_used(key_id: uuid.UUID) -> None:
    try:
        await ApiKey.filter(id=key_id).update(last_used_at=datetime.now(UTC))
    except Exception:  # a usage stamp is not worth failing anything for
        log.warning("could not record an API key's last use", exc_info=True, extra={"api_key_id": str(key_id)})


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
    partner_limit = key.tenant.partner_scopes if key.kind is ApiKeyKind.PARTNER else None
    principal = Principal(
        tenant_id=key.tenant.id,
        tenant_slug=key.tenant.slug,
        subject=f"api_key:{key.id}",
        role=key.role,
        scopes=effective_scopes(key.role, granted=key.scopes, partner_limit=partner_limit),
        requests_per_minute=key.tenant.requests_per_minute,
        person_id=key.person_id,
        partner=key.kind is ApiKeyKind.PARTNER,
    )
    entry = CREDENTIALS.put(token, principal, key_id=key.id, user_id=key.person_id, valid_until=key.expires_at)
    _note_key_used(entry)
    return principal


async def authenticate_jwt(*, token: str, verifier: TokenVerifier) -> Principal:
    """A user's token counts only while the user is a member of the tenant it names."""
    return await _user_principal(token, verifier.verify(token))


async def _user_principal(token: str, claims: TokenClaims) -> Principal:
    tenant = await Tenant.get_or_none(id=claims.tenant_id)
    if tenant is None:
        raise unauthenticated()
    role = await membership_role(tenant_id=tenant.id, user_id=claims.user_id)
    if role is None:
        raise unauthenticated()
    _refuse_suspended(tenant)
    principal = Principal(
        tenant_id=tenant.id,
        tenant_slug=tenant.slug,
        subject=f"user:{claims.user_id}",
        role=role,
        scopes=effective_scopes(role),
        requests_per_minute=tenant.requests_per_minute,
        person_id=claims.user_id,
    )
    CREDENTIALS.put(token, principal, user_id=claims.user_id)
    return principal


def _refuse_suspended(tenant: Tenant) -> None:
    if tenant.status is TenantStatus.SUSPENDED:
        raise TenantError(TenantErrorCode.TENANT_SUSPENDED, "this tenant is suspended")
