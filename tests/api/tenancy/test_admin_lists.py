"""Tenant administration lists: API keys and secrets take a filter and an orderBy, the audit log an orderBy by time."""

from __future__ import annotations

CREATE_KEY = """
mutation Key($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } userErrors { code } } }
"""
REVOKE_KEY = "mutation R($id: ID!) { revokeApiKey(input: {id: $id}) { userErrors { code } } }"
SET_SECRET = "mutation S($input: SetSecretInput!) { setSecret(input: $input) { userErrors { code } } }"
KEYS = """
query($filter: ApiKeyFilter, $orderBy: ApiKeyOrder) { apiKeys(filter: $filter, orderBy: $orderBy) { edges { node { name role revokedAt } } } }
"""
SECRETS = """
query($filter: SecretFilter, $orderBy: SecretOrder) { secrets(filter: $filter, orderBy: $orderBy) { totalCount edges { node { name kind } } } }
"""


def names(data: dict, field: str) -> list[str]:
    return [edge["node"]["name"] for edge in data[field]["edges"]]


async def test_api_keys_narrow_by_revoked_role_and_kind_and_sort_by_name(graphql, tenant):
    for name, role in (("reporting", "read_only"), ("erp sync", "back_office"), ("old export", "read_only")):
        created = await graphql.execute(CREATE_KEY, {"input": {"name": name, "role": role}}, api_key=tenant.api_key)
        if name == "old export":
            await graphql.execute(REVOKE_KEY, {"id": created["createApiKey"]["apiKey"]["id"]}, api_key=tenant.api_key)

    revoked = await graphql.execute(KEYS, {"filter": {"revoked": True}}, api_key=tenant.api_key)
    read_only_live = await graphql.execute(KEYS, {"filter": {"role": "READ_ONLY", "revoked": False}}, api_key=tenant.api_key)
    tenant_keys = await graphql.execute(KEYS, {"filter": {"kind": "TENANT", "nameContains": "e"}, "orderBy": {"field": "NAME", "direction": "ASC"}}, api_key=tenant.api_key)
    partner_keys = await graphql.execute(KEYS, {"filter": {"kind": "PARTNER"}}, api_key=tenant.api_key)

    assert names(revoked, "apiKeys") == ["old export"]
    assert names(read_only_live, "apiKeys") == ["reporting"]
    assert names(tenant_keys, "apiKeys") == sorted(names(tenant_keys, "apiKeys"))
    assert {"erp sync", "old export"} <= set(names(tenant_keys, "apiKeys"))
    assert partner_keys["apiKeys"]["edges"] == []


async def test_an_api_key_kind_outside_the_enum_is_a_validation_error_naming_it(graphql, tenant):
    body = (await graphql.post("{ apiKeys(filter: {kind: ROBOT}) { totalCount } }", api_key=tenant.api_key)).json()

    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "ROBOT" in body["errors"][0]["message"] and "ApiKeyKind" in body["errors"][0]["message"]


async def test_secrets_are_a_connection_narrowed_by_kind_and_prefix_and_never_show_values(graphql, tenant):
    for name, kind in (("bank.password", "password"), ("bank.totp", "totp_seed"), ("tax.password", "password")):
        await graphql.execute(SET_SECRET, {"input": {"name": name, "kind": kind, "value": "VALUE-NEVER-SHOWN"}}, api_key=tenant.api_key)

    passwords = await graphql.post(SECRETS, {"filter": {"kind": "PASSWORD"}, "orderBy": {"field": "NAME", "direction": "DESC"}}, api_key=tenant.api_key)
    bank = await graphql.execute(SECRETS, {"filter": {"namePrefix": "bank."}}, api_key=tenant.api_key)
    wrong_kind = (await graphql.post('{ secrets(filter: {kind: "password"}) { totalCount } }', api_key=tenant.api_key)).json()

    assert names(passwords.json()["data"], "secrets") == ["tax.password", "bank.password"]
    assert "VALUE-NEVER-SHOWN" not in passwords.text
    assert bank["secrets"]["totalCount"] == 2 and names(bank, "secrets") == ["bank.password", "bank.totp"]
    assert wrong_kind["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_the_audit_log_reads_oldest_first_when_asked(graphql, tenant):
    for name in ("first", "second"):
        await graphql.execute(CREATE_KEY, {"input": {"name": name}}, api_key=tenant.api_key)
    query = """
    query($orderBy: AuditLogOrder) { auditLog(filter: {action: "createApiKey"}, orderBy: $orderBy) { edges { node { occurredAt } } } }
    """

    oldest_first = await graphql.execute(query, {"orderBy": {"direction": "ASC"}}, api_key=tenant.api_key)
    newest_first = await graphql.execute(query, api_key=tenant.api_key)

    times = [edge["node"]["occurredAt"] for edge in oldest_first["auditLog"]["edges"]]
    assert len(times) == 2 and times == sorted(times)
    assert [edge["node"]["occurredAt"] for edge in newest_first["auditLog"]["edges"]] == times[::-1]
