"""Platform operators administer tenants through /platform/graphql, and nobody else can."""

from __future__ import annotations

import uuid

from tenants.users import create_operator, create_user

PASSWORD = "operator passphrase 1"
CREATE = 'mutation { createTenant(input: {slug: "%s", name: "Made By Ops"}) { tenant { slug status } apiKey userErrors { field code } } }'


async def operator_token(graphql) -> str:
    email = f"ops-{uuid.uuid4().hex[:8]}@concord.example"
    await create_operator(email=email, name="Ops", password=PASSWORD)
    response = await graphql.http.post("/auth/token", json={"email": email, "password": PASSWORD})
    return response.json()["access_token"]


async def platform(graphql, query: str, token: str | None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await graphql.http.post("/platform/graphql", json={"query": query}, headers=headers)


async def test_an_operator_creates_suspends_and_resumes_a_tenant(graphql):
    token = await operator_token(graphql)
    slug = f"ops-{uuid.uuid4().hex[:6]}"

    created = (await platform(graphql, CREATE % slug, token)).json()["data"]["createTenant"]
    suspended = (await platform(graphql, 'mutation { suspendTenant(input: {slug: "%s"}) { tenant { status } } }' % slug, token)).json()
    blocked = await graphql.post("{ viewer { subject } }", api_key=created["apiKey"])
    resumed = (await platform(graphql, 'mutation { resumeTenant(input: {slug: "%s"}) { tenant { status } } }' % slug, token)).json()
    listed = (await platform(graphql, "{ tenants(first: 100) { totalCount edges { node { slug } } } }", token)).json()

    assert created["tenant"] == {"slug": slug, "status": "active"} and created["apiKey"].startswith("cnk_")
    assert suspended["data"]["suspendTenant"]["tenant"]["status"] == "suspended"
    assert blocked.status_code == 403
    assert resumed["data"]["resumeTenant"]["tenant"]["status"] == "active"
    assert slug in str(listed)


async def test_a_taken_slug_is_a_user_error(graphql, tenant):
    token = await operator_token(graphql)

    answer = (await platform(graphql, CREATE % tenant.slug, token)).json()["data"]["createTenant"]

    assert answer["userErrors"] == [{"field": ["input", "slug"], "code": "SLUG_TAKEN"}]


async def test_tenant_keys_user_tokens_and_no_token_are_turned_away(graphql, tenant):
    email = f"member-{uuid.uuid4().hex[:8]}@example.com"
    await create_user(email=email, name="Not Ops", password=PASSWORD)

    answers = [
        await platform(graphql, "{ tenants { totalCount } }", None),
        await platform(graphql, "{ tenants { totalCount } }", tenant.api_key),
        await graphql.http.post("/auth/token", json={"email": email, "password": PASSWORD}),  # not an operator
    ]

    assert [response.status_code for response in answers] == [401, 401, 401]
    assert all(response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED" for response in answers)


async def test_a_platform_token_opens_no_tenants_graph(graphql):
    token = await operator_token(graphql)

    response = await graphql.post("{ viewer { subject } }", api_key=token)

    assert response.status_code == 401
