"""API keys: `cnk_<prefix>_<secret>`. The prefix finds the row, and only the secret's hash is stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from tenants.audit import Outcome, record_audit
from tenants.credential_changes import Affected, announce
from tenants.errors import TenantError, TenantErrorCode
from tenants.models import ApiKey, ApiKeyKind, Role, Tenant
from tenants.permissions import ANY_SCOPE, UnknownScope, effective_scopes, parse_scopes, scopes_beyond
from tenants.principals import Principal

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
    person_id: uuid.UUID | None = None,
) -> tuple[ApiKey, str]:
    """Issue a key (no cap: for the platform and CLI; a caller's keys go through mint_api_key); returns the
    row and the plaintext, which is shown once and never stored."""
    granted = _checked_scopes(scopes)
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
        person_id=person_id,
    )
    return key, issued.plaintext


async def mint_api_key(
    *,
    minter: Principal,
    name: str,
    role: Role,
    scopes: list[str] | None = None,
    partner: bool = False,
    expires_at: datetime | None = None,
) -> tuple[ApiKey, str]:
    """A key a caller mints: worth no more than the caller (FORBIDDEN naming the scopes it would add), a
    partner app's key mints only partner keys, and the key speaks for the caller's person."""
    kind = ApiKeyKind.PARTNER if partner else ApiKeyKind.TENANT
    details = {"role": str(role), "kind": str(kind), "person": minter.person}
    if minter.partner and kind is not ApiKeyKind.PARTNER:
        raise await refuse_grant(minter, "api_key.create", details, "a partner app's key can mint only partner keys", field="partner")
    granted = _checked_scopes(scopes)
    partner_limit = (await Tenant.get(id=minter.tenant_id)).partner_scopes if kind is ApiKeyKind.PARTNER else None
    refused = scopes_beyond(minter.scopes, effective_scopes(role, granted=granted, partner_limit=partner_limit))
    if refused:
        message = f"cannot grant scopes the caller does not have: {', '.join(refused)}"
        raise await refuse_grant(minter, "api_key.create", {**details, "refused_scopes": refused}, message, field="scopes")
    key, plaintext = await create_api_key(
        tenant_id=minter.tenant_id, name=name, role=role, scopes=granted, kind=kind, expires_at=expires_at,
        created_by=minter.subject, person_id=minter.person_id,
    )
    await record_audit(
        actor=minter.subject, action="api_key.create", outcome=Outcome.SUCCEEDED, target=f"api_key:{key.id}",
        details={**details, "scopes": list(key.scopes)},
    )
    return key, plaintext


async def refuse_grant(actor: Principal, action: str, details: dict, message: str, *, field: str) -> TenantError:
    """The FORBIDDEN error for a grant beyond the caller's own, recorded in the audit log first."""
    await record_audit(
        actor=actor.subject, action=action, outcome=Outcome.REJECTED, details={**details, "code": "FORBIDDEN", "reason": message}
    )
    return TenantError(TenantErrorCode.FORBIDDEN, message, field=field)


def _checked_scopes(scopes: list[str] | None) -> list[str]:
    try:
        return sorted(parse_scopes(scopes if scopes is not None else [ANY_SCOPE]))
    except UnknownScope as error:
        raise TenantError(TenantErrorCode.INVALID_SCOPE, str(error), field="scopes") from None


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


async def revoke_api_key(*, revoked_by: Principal, key_id: uuid.UUID) -> ApiKey:
    """Revoke one of the caller's tenant's keys (audited); a key of another tenant is not found."""
    key = await ApiKey.get_or_none(id=key_id, tenant_id=revoked_by.tenant_id)
    if key is None:
        raise TenantError(TenantErrorCode.NOT_FOUND, "API key not found", field="id")
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        await key.save(update_fields=["revoked_at"])
        await announce(Affected.KEY, key.id)
        await record_audit(
            actor=revoked_by.subject, action="api_key.revoke", outcome=Outcome.SUCCEEDED, target=f"api_key:{key.id}",
            details={"person": revoked_by.person},
        )
    return key
