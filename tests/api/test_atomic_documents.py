"""A document with several mutations: serial results by default, all or nothing under `@atomic`."""

from __future__ import annotations

TWO_CUSTOMERS = """
mutation Two %s {
  first: createCustomer(input: {name: "Initech"}) { customer { name } userErrors { code } }
  second: createCustomer(input: {name: "%s"}) { customer { name } userErrors { field code message } }
}
"""

CUSTOMER_NAMES = "{ customers(first: 10) { edges { node { name } } } }"


async def names(graphql, tenant) -> list[str]:
    response = await graphql.post(CUSTOMER_NAMES, api_key=tenant.api_key)
    return sorted(edge["node"]["name"] for edge in response.json()["data"]["customers"]["edges"])


async def test_without_atomic_a_refused_mutation_leaves_the_earlier_ones_committed_and_answered(graphql, tenant):
    response = await graphql.post(TWO_CUSTOMERS % ("", " "), api_key=tenant.api_key)

    data = response.json()["data"]
    assert data["first"] == {"customer": {"name": "Initech"}, "userErrors": []}
    assert data["second"]["customer"] is None and data["second"]["userErrors"]
    assert await names(graphql, tenant) == ["Initech"]


async def test_an_atomic_document_with_a_refused_mutation_writes_nothing(graphql, tenant):
    response = await graphql.post(TWO_CUSTOMERS % ("@atomic", " "), api_key=tenant.api_key)

    body = response.json()
    assert response.status_code == 200
    assert body["data"] is None
    [rollback] = body["errors"]
    assert rollback["extensions"]["code"] == "ATOMIC_ROLLBACK"
    assert rollback["extensions"]["refused"] == ["second"]
    [refusal] = rollback["extensions"]["userErrors"]["second"]
    assert refusal["field"] == ["input", "name"]
    assert "second" in rollback["message"]
    assert await names(graphql, tenant) == []


async def test_an_atomic_document_whose_mutations_all_succeed_commits_them_all(graphql, tenant):
    response = await graphql.post(TWO_CUSTOMERS % ("@atomic", "Umbrella"), api_key=tenant.api_key)

    assert "errors" not in response.json()
    assert await names(graphql, tenant) == ["Initech", "Umbrella"]


async def test_a_rolled_back_document_is_in_the_audit_log_field_by_field(graphql, tenant):
    await graphql.post(TWO_CUSTOMERS % ("@atomic", " "), api_key=tenant.api_key)

    response = await graphql.post(
        '{ auditLog(filter: {action: "createCustomer"}, first: 5) { edges { node { outcome details } } } }',
        api_key=tenant.api_key,
    )
    entries = [edge["node"] for edge in response.json()["data"]["auditLog"]["edges"]]
    assert sorted(entry["outcome"] for entry in entries) == ["failed", "rejected"]
    assert all(entry["details"]["rolled_back"] for entry in entries)


async def test_atomic_is_refused_on_a_query(graphql, tenant):
    response = await graphql.post("query @atomic { viewer { subject } }", api_key=tenant.api_key)

    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "atomic" in error["message"]
