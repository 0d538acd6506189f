"""Customers through the graph: the first vertical slice, on SQLite and PostgreSQL."""

from __future__ import annotations

import base64

CREATE = """
mutation Create($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    customer { id name email }
    userErrors { field message code }
  }
}
"""
PAGE = """
query Page($first: Int, $after: String, $last: Int, $before: String) {
  customers(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name } }
  }
}
"""
NODE = "query Node($id: ID!) { node(id: $id) { id ... on Customer { name } } }"


async def create(graphql, tenant, name: str, email: str | None = None) -> dict:
    data = await graphql.execute(CREATE, {"input": {"name": name, "email": email}}, api_key=tenant.api_key)
    return data["createCustomer"]


async def test_create_customer_returns_it_with_an_opaque_global_id(graphql, tenant):
    payload = await create(graphql, tenant, "Northwind Foods Ltd", "ap@northwind.example")

    assert payload["userErrors"] == []
    customer = payload["customer"]
    assert customer["name"] == "Northwind Foods Ltd"
    assert base64.b64decode(customer["id"]).decode().startswith("Customer:")


async def test_a_created_customer_is_reachable_through_node(graphql, tenant):
    customer = (await create(graphql, tenant, "Summit Labs AB"))["customer"]

    data = await graphql.execute(NODE, {"id": customer["id"]}, api_key=tenant.api_key)

    assert data["node"] == {"id": customer["id"], "name": "Summit Labs AB"}


async def test_an_empty_name_is_a_user_error_and_writes_nothing(graphql, tenant):
    payload = await create(graphql, tenant, "   ")

    assert payload["customer"] is None
    assert payload["userErrors"] == [{"field": ["input", "name"], "message": "name must not be empty", "code": "REQUIRED"}]
    page = await graphql.execute(PAGE, {"first": 5}, api_key=tenant.api_key)
    assert page["customers"]["totalCount"] == 0


async def test_a_malformed_email_names_the_email_field(graphql, tenant):
    payload = await create(graphql, tenant, "Atlas Motors", "not-an-email")

    assert payload["userErrors"][0]["field"] == ["input", "email"]
    assert payload["userErrors"][0]["code"] == "INVALID"


async def test_customers_pages_forward_and_backward_with_a_total_count(graphql, tenant):
    names = [f"Customer {number:02d}" for number in range(7)]
    for name in names:
        await create(graphql, tenant, name)
    newest_first = list(reversed(names))

    first = (await graphql.execute(PAGE, {"first": 3}, api_key=tenant.api_key))["customers"]
    second = (await graphql.execute(PAGE, {"first": 3, "after": first["pageInfo"]["endCursor"]}, api_key=tenant.api_key))["customers"]
    last = (await graphql.execute(PAGE, {"last": 2}, api_key=tenant.api_key))["customers"]
    before = (await graphql.execute(PAGE, {"last": 2, "before": second["edges"][0]["cursor"]}, api_key=tenant.api_key))["customers"]

    assert first["totalCount"] == 7
    assert [edge["node"]["name"] for edge in first["edges"]] == newest_first[:3]
    assert first["pageInfo"]["hasNextPage"] and not first["pageInfo"]["hasPreviousPage"]
    assert [edge["node"]["name"] for edge in second["edges"]] == newest_first[3:6]
    assert [edge["node"]["name"] for edge in last["edges"]] == newest_first[5:]
    assert not last["pageInfo"]["hasNextPage"] and last["pageInfo"]["hasPreviousPage"]
    assert [edge["node"]["name"] for edge in before["edges"]] == newest_first[1:3]


async def test_a_page_larger_than_the_limit_is_refused_with_a_code(graphql, tenant):
    response = await graphql.post(PAGE, {"first": 1000}, api_key=tenant.api_key)

    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "first must be between 0 and 100" in error["message"]


async def test_another_tenants_customer_is_not_found(graphql, tenant, other_tenant):
    customer = (await create(graphql, tenant, "Private Customer"))["customer"]

    response = await graphql.post(NODE, {"id": customer["id"]}, api_key=other_tenant.api_key)
    listed = await graphql.execute(PAGE, {"first": 10}, api_key=other_tenant.api_key)

    body = response.json()
    assert body["data"]["node"] is None
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert listed["customers"]["totalCount"] == 0


async def test_a_malformed_global_id_is_not_found(graphql, tenant):
    for bad_id in ["not-base64!", base64.b64encode(b"Customer:not-a-uuid").decode(), base64.b64encode(b"Nope:1").decode()]:
        response = await graphql.post(NODE, {"id": bad_id}, api_key=tenant.api_key)
        assert response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND", bad_id
