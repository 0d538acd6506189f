"""API keys: shown once, scoped, revocable, expiring; partner keys limited by the tenant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

CREATE_KEY = """
mutation Key($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { apiKey { id name role scopes prefix revokedAt } secret userErrors { field message code } }
}
"""
REVOKE_KEY = "mutation R($id: ID!) { revokeApiKey(input: {id: $id}) { apiKey { revokedAt } userErrors { code } } }"
CREATE_CUSTOMER = 'mutation { createCustomer(input: {name: "Blocked Co"}) { customer { id } userErrors { code } } }'
CUSTOMERS = "{ customers(first: 5) { totalCount } }"
VIEWER = "{ viewer { scopes } }"


async def create_key(graphql, tenant, **input) -> dict:
    data = await graphql.execute(CREATE_KEY, {"input": {"name": "integration", **input}}, api_key=tenant.api_key)
    return data["createApiKey"]


async def test_a_new_key_is_shown_once_and_stored_only_as_its_prefix(graphql, tenant):
    created = await create_key(graphql, tenant, role="read_only")

    listed = await graphql.execute("{ apiKeys(first: 10) { edges { node { prefix } } } }", api_key=tenant.api_key)

    assert created["secret"].startswith(f"cnk_{created['apiKey']['prefix']}_")
    assert created["secret"] not in str(listed)
    assert created["apiKey"]["prefix"] in str(listed)


async def test_a_read_only_key_reads_but_a_write_is_forbidden_and_writes_nothing(graphql, tenant):
    key = (await create_key(graphql, tenant, role="read_only"))["secret"]

    read = await graphql.execute(CUSTOMERS, api_key=key)
    write = await graphql.post(CREATE_CUSTOMER, api_key=key)

    assert read["customers"]["totalCount"] == 0
    body = write.json()
    assert body["data"] is None or body["data"].get("createCustomer") is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await graphql.execute(CUSTOMERS, api_key=tenant.api_key))["customers"]["totalCount"] == 0


async def test_a_key_granted_fewer_scopes_than_its_role_has_only_those(graphql, tenant):
    key = (await create_key(graphql, tenant, role="front_office", scopes=["crm:read"]))["secret"]

    assert (await graphql.execute(VIEWER, api_key=key))["viewer"]["scopes"] == ["crm:read"]


async def test_a_partner_key_is_limited_to_what_the_tenant_granted_partners(graphql, tenant):
    await graphql.execute(
        'mutation { grantPartnerScopes(input: {scopes: ["crm:read"]}) { scopes userErrors { code } } }', api_key=tenant.api_key
    )
    key = (await create_key(graphql, tenant, role="admin", partner=True))["secret"]

    assert (await graphql.execute(VIEWER, api_key=key))["viewer"]["scopes"] == ["crm:read"]


async def test_a_revoked_key_is_unauthenticated(graphql, tenant):
    created = await create_key(graphql, tenant, role="read_only")

    revoked = await graphql.execute(REVOKE_KEY, {"id": created["apiKey"]["id"]}, api_key=tenant.api_key)
    response = await graphql.post(CUSTOMERS, api_key=created["secret"])

    assert revoked["revokeApiKey"]["apiKey"]["revokedAt"] is not None
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_an_expired_key_is_unauthenticated(graphql, tenant):
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    created = await create_key(graphql, tenant, role="read_only", expiresAt=past)

    response = await graphql.post(CUSTOMERS, api_key=created["secret"])

    assert response.status_code == 401


async def test_an_unknown_scope_or_role_is_a_user_error(graphql, tenant):
    bad_scope = await create_key(graphql, tenant, scopes=["crm:delete"])
    bad_role = await create_key(graphql, tenant, role="superuser")

    assert bad_scope["userErrors"] == [{"field": ["input", "scopes"], "message": "unknown scope 'crm:delete'", "code": "INVALID_SCOPE"}]
    assert bad_role["userErrors"][0]["field"] == ["input", "role"]


async def test_another_tenants_key_cannot_be_revoked(graphql, tenant, other_tenant):
    created = await create_key(graphql, tenant, role="read_only")

    response = await graphql.execute(REVOKE_KEY, {"id": created["apiKey"]["id"]}, api_key=other_tenant.api_key)

    assert response["revokeApiKey"]["userErrors"] == [{"code": "NOT_FOUND"}]
    assert (await graphql.post(CUSTOMERS, api_key=created["secret"])).status_code == 200
