"""API keys: `cnk_<prefix>_<secret>`. The prefix finds the row, and only the secret's hash is stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from tenants.errors import TenantError, TenantErrorCode
from tenants.models import ApiKey, ApiKeyKind, Role
from tenants.permissions import ANY_SCOPE, UnknownScope, parse_scopes

KEY_MARKER = "cnk"


@dataclass(frozen=True)
class IssuedKey:
    prefix: str
    secret_hash: str
    plaintext: str  # shown once to whoever created the key, never stored


@dataclass(frozen=True)
class PresentedKey:
    prefix: str
    secret: str


def issue_key() -> IssuedKey:
    """A new random key; 256 bits of secret make a fast hash sufficient."""
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    return IssuedKey(prefix=prefix, secret_hash=hash_secret(secret), plaintext=f"{KEY_MARKER}_{prefix}_{secret}")


def parse_key(token: str) -> PresentedKey | None:
    """Split a presented token into prefix and secret; None when it is not shaped like a key."""
    marker, _, rest = token.partition("_")
    prefix, _, secret = rest.partition("_")
    if marker != KEY_MARKER or len(prefix) != 12 or not secret:
        return None
    return PresentedKey(prefix=prefix, secret=secret)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(presented: PresentedKey, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(presented.secret), stored_hash)


async def create_api_key(
    *,
    tenant_id: uuid.UUID,
    name: str,
    role: Role = Role.ADMIN,
    scopes: list[str] | None = None,
    kind: ApiKeyKind = ApiKeyKind.TENANT,
    expires_at: datetime | None = None,
    created_by: str | None = None,
) -> tuple[ApiKey, str]:
    """Issue a key; returns the row and the plaintext, which is shown once and never stored."""
    try:
        granted = sorted(parse_scopes(scopes if scopes is not None else [ANY_SCOPE]))
    except UnknownScope as error:
        raise TenantError(TenantErrorCode.INVALID_SCOPE, str(error), field="scopes") from None
    issued = issue_key()
    key = await ApiKey.create(
        tenant_id=tenant_id,
        name=name,
        kind=kind,
        role=role,
        prefix=issued.prefix,
        secret_hash=issued.secret_hash,
        scopes=granted,
        expires_at=expires_at,
        created_by=created_by,
    )
    return key, issued.plaintext


def tenant_keys(
    tenant_id: uuid.UUID,
    *,
    kind: ApiKeyKind | None = None,
    role: Role | None = None,
    revoked: bool | None = None,
    name_contains: str | None = None,
):
    """The keys of one tenant, newest first (api_keys has no RLS: always filter by tenant), optionally of one
    kind or role, only revoked (or unrevoked) ones, or by part of the name."""
    query = ApiKey.filter(tenant_id=tenant_id)
    if kind is not None:
        query = query.filter(kind=kind)
    if role is not None:
        query = query.filter(role=role)
    if revoked is not None:
        query = query.filter(revoked_at__isnull=not revoked)
    if name_contains:
        query = query.filter(name__icontains=name_contains)
    return query.order_by("-created_at", "-id")


async def revoke_api_key(*, tenant_id: uuid.UUID, key_id: uuid.UUID) -> ApiKey:
    """Revoke one of the tenant's keys; a key of another tenant is not found."""
    key = await ApiKey.get_or_none(id=key_id, tenant_id=tenant_id)
    if key is None:
        raise TenantError(TenantErrorCode.NOT_FOUND, "API key not found", field="id")
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        await key.save(update_fields=["revoked_at"])
    return key
