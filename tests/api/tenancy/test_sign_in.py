"""Users sign in for a tenant they belong to and use the token; failures are uniform and rate limited."""

from __future__ import annotations

import uuid

from tenants.context import tenant_transaction
from tenants.models import Role
from tenants.users import add_membership, create_user
from tests.conftest import graphql_client

PASSWORD = "correct horse battery staple"


async def member(tenant, role: Role = Role.FRONT_OFFICE) -> str:
    email = f"user-{uuid.uuid4().hex[:8]}@example.com"
    user = await create_user(email=email, name="Dana Example", password=PASSWORD)
    async with tenant_transaction(tenant.id):
        await add_membership(user_id=user.id, role=role)
    return email


async def sign_in(graphql, email: str, password: str, tenant_slug: str):
    return await graphql.http.post("/auth/token", json={"email": email, "password": password, "tenant": tenant_slug})


async def test_a_member_signs_in_and_the_token_answers_for_that_tenant(graphql, tenant):
    email = await member(tenant)

    response = await sign_in(graphql, email, PASSWORD, tenant.slug)
    token = response.json()["access_token"]
    viewer = await graphql.execute("{ viewer { subject tenant { slug } scopes } }", api_key=token)

    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    assert viewer["viewer"]["tenant"]["slug"] == tenant.slug
    assert viewer["viewer"]["subject"].startswith("user:")
    assert "crm:write" in viewer["viewer"]["scopes"] and "hr:salaries" not in viewer["viewer"]["scopes"]


async def test_a_wrong_password_unknown_user_or_foreign_tenant_get_the_same_answer(graphql, tenant, other_tenant):
    email = await member(tenant)

    answers = [
        await sign_in(graphql, email, "wrong password!!", tenant.slug),
        await sign_in(graphql, "nobody@example.com", PASSWORD, tenant.slug),
        await sign_in(graphql, email, PASSWORD, other_tenant.slug),
    ]

    assert {response.status_code for response in answers} == {401}
    assert len({response.text for response in answers}) == 1


async def test_a_token_for_a_tenant_the_user_left_is_unauthenticated(graphql, tenant):
    from tenants.models import Membership
    from tenants.ownership import scoped

    email = await member(tenant)
    token = (await sign_in(graphql, email, PASSWORD, tenant.slug)).json()["access_token"]
    async with tenant_transaction(tenant.id):
        await scoped(Membership).all().delete()

    response = await graphql.post("{ viewer { subject } }", api_key=token)

    assert response.status_code == 401


async def test_repeated_failures_from_one_source_are_rate_limited(db, tenant):
    async with graphql_client(db, auth_failures_allowed=3, auth_failure_window_seconds=60) as client:
        statuses = [(await client.post("{ viewer { subject } }", api_key="cnk_000000000000_nope")).status_code for _ in range(4)]
        limited = await client.post("{ viewer { subject } }", api_key=tenant.api_key)

    assert statuses == [401, 401, 401, 429]
    assert limited.status_code == 429  # even a good key waits until the window passes
    assert limited.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert int(limited.headers["retry-after"]) > 0


async def test_a_tenant_over_its_quota_gets_429_with_retry_after(db, tenant, other_tenant):
    async with graphql_client(db, tenant_requests_per_minute=2) as client:
        statuses = [(await client.post("{ viewer { subject } }", api_key=tenant.api_key)).status_code for _ in range(3)]
        limited = await client.post("{ viewer { subject } }", api_key=tenant.api_key)
        other = await client.post("{ viewer { subject } }", api_key=other_tenant.api_key)

    assert statuses == [200, 200, 429]
    assert limited.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert 0 < int(limited.headers["retry-after"]) <= 60
    assert other.status_code == 200  # quotas are per tenant
