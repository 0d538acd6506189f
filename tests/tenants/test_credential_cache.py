"""A credential seen moments ago is not read again, and losing access reaches every process at once."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from tenants.authentication import authenticate_token
from tenants.context import tenant_transaction
from tenants.credential_cache import CREDENTIALS, CredentialCache
from tenants.credential_changes import CHANNEL, CredentialChangeListener
from tenants.errors import TenantError, TenantErrorCode
from tenants.keys import parse_key, revoke_api_key
from tenants.models import ApiKey
from tenants.principals import Principal
from tenants.tokens import TokenVerifier

VERIFIER = TokenVerifier(algorithm="HS256", secret_key="k" * 32, issuer="concord", audience="concord-api", jwks_url=None)


async def key_row(api_key: str) -> ApiKey:
    return await ApiKey.get(prefix=parse_key(api_key).prefix)


async def test_a_key_seen_moments_ago_answers_from_the_cache(db, tenant):
    first = await authenticate_token(tenant.api_key, verifier=VERIFIER)
    second = await authenticate_token(tenant.api_key, verifier=VERIFIER)

    assert second is first  # the same principal object: nothing was read the second time


async def test_a_key_revoked_in_this_process_is_refused_on_its_next_use(db, tenant):
    principal = await authenticate_token(tenant.api_key, verifier=VERIFIER)
    key = await key_row(tenant.api_key)

    async with tenant_transaction(tenant.id):
        await revoke_api_key(revoked_by=principal, key_id=key.id)

    with pytest.raises(TenantError) as refused:
        await authenticate_token(tenant.api_key, verifier=VERIFIER)
    assert refused.value.code is TenantErrorCode.UNAUTHENTICATED


async def test_a_key_revoked_by_another_process_is_refused_once_that_commits(db, tenant):
    if not db.database_url.startswith("postgres"):
        pytest.skip("notices between processes are PostgreSQL's LISTEN/NOTIFY")
    listener = CredentialChangeListener(db.database_url)
    listener.start()
    try:
        await asyncio.wait_for(listener.listening.wait(), 10)
        await authenticate_token(tenant.api_key, verifier=VERIFIER)
        key = await key_row(tenant.api_key)
        # Another process's revocation: its own connection, its own transaction, as revoke_api_key writes it.
        other = await asyncpg.connect(db.migration_database_url.replace("postgres://", "postgresql://", 1))
        try:
            async with other.transaction():
                await other.execute("UPDATE api_keys SET revoked_at = now() WHERE id = $1", key.id)
                await other.execute("SELECT pg_notify($1, $2)", CHANNEL, f"key:{key.id}")
        finally:
            await other.close()

        refused = None
        for _ in range(50):
            try:
                await authenticate_token(tenant.api_key, verifier=VERIFIER)
            except TenantError as error:
                refused = error
                break
            await asyncio.sleep(0.05)
    finally:
        await listener.stop()
    assert refused is not None and refused.code is TenantErrorCode.UNAUTHENTICATED


async def test_last_used_is_written_at_most_once_a_minute_and_off_the_request(db, tenant):
    key = await key_row(tenant.api_key)
    for _ in range(5):
        await authenticate_token(tenant.api_key, verifier=VERIFIER)
    await asyncio.sleep(0.2)  # the write runs in the background
    first_stamp = (await ApiKey.get(id=key.id)).last_used_at
    for _ in range(5):
        await authenticate_token(tenant.api_key, verifier=VERIFIER)
    await asyncio.sleep(0.2)

    assert first_stamp is not None
    assert (await ApiKey.get(id=key.id)).last_used_at == first_stamp


async def test_a_users_token_past_its_expiry_is_refused_though_its_principal_is_cached(db, tenant):
    token = VERIFIER.issue(user_id=uuid.uuid4(), tenant_id=tenant.id, ttl_seconds=1)
    CREDENTIALS.put(token, Principal(tenant_id=tenant.id, tenant_slug=tenant.slug, subject="user:x"))
    await asyncio.sleep(1.1)

    with pytest.raises(TenantError) as refused:
        await authenticate_token(token, verifier=VERIFIER)
    assert refused.value.code is TenantErrorCode.UNAUTHENTICATED


def test_an_entry_lives_no_longer_than_the_ttl_nor_past_the_keys_expiry():
    now = [0.0]
    cache = CredentialCache(ttl_seconds=10, clock=lambda: now[0])
    principal = Principal(tenant_id=uuid.uuid4(), tenant_slug="t", subject="api_key:x")
    cache.put("fresh", principal)
    cache.put("expiring", principal, valid_until=datetime.now(UTC) - timedelta(seconds=1))

    assert cache.get("fresh") is not None and cache.get("expiring") is None
    now[0] = 10.5
    assert cache.get("fresh") is None


def test_forgetting_a_tenant_drops_only_its_credentials():
    cache = CredentialCache()
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    cache.put("a", Principal(tenant_id=mine, tenant_slug="a", subject="api_key:a"))
    cache.put("b", Principal(tenant_id=theirs, tenant_slug="b", subject="api_key:b"))

    assert cache.forget(tenant_id=mine) == 1
    assert cache.get("a") is None and cache.get("b") is not None


async def test_a_tenant_suspended_moments_after_its_key_was_seen_is_refused_on_the_next_use(db, tenant):
    from tenants.lifecycle import suspend_tenant

    await authenticate_token(tenant.api_key, verifier=VERIFIER)
    await suspend_tenant(slug=tenant.slug)

    with pytest.raises(TenantError) as refused:
        await authenticate_token(tenant.api_key, verifier=VERIFIER)
    assert refused.value.code is TenantErrorCode.TENANT_SUSPENDED


def test_a_principal_read_while_its_revocation_was_committing_is_answered_but_not_remembered():
    cache = CredentialCache()
    key_id = uuid.uuid4()
    principal = Principal(tenant_id=uuid.uuid4(), tenant_slug="t", subject=f"api_key:{key_id}")
    cache.forget(key_id=key_id)  # announced, not yet committed: a concurrent check still reads the old row

    cache.put("token", principal, key_id=key_id)

    assert cache.get("token") is None
