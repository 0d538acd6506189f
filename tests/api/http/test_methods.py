"""GET runs queries only, POST runs every operation, other methods get 405; browsers get GraphiQL."""

from __future__ import annotations

import json

from tests.conftest import graphql_client

CREATE = 'mutation { createCustomer(input: {name: "Sent By GET"}) { customer { id } } }'


def auth(tenant, accept: str = "application/json") -> dict:
    return {"Authorization": f"Bearer {tenant.api_key}", "Accept": accept}


async def test_a_query_runs_over_get_with_json_encoded_variables(graphql, tenant):
    response = await graphql.http.get(
        "/graphql",
        params={"query": "query Page($n: Int) { customers(first: $n) { totalCount } }", "variables": json.dumps({"n": 1})},
        headers=auth(tenant),
    )

    assert response.status_code == 200
    assert response.json() == {"data": {"customers": {"totalCount": 0}}}


async def test_a_mutation_over_get_is_405_allowing_post_and_does_not_run(graphql, tenant):
    response = await graphql.http.get("/graphql", params={"query": CREATE}, headers=auth(tenant))
    count = await graphql.execute("{ customers(first: 1) { totalCount } }", api_key=tenant.api_key)

    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"
    assert count["customers"]["totalCount"] == 0


async def test_a_mutation_over_post_runs(graphql, tenant):
    data = await graphql.execute(CREATE, api_key=tenant.api_key)

    assert data["createCustomer"]["customer"]["id"]


async def test_other_methods_are_405_allowing_get_and_post(graphql, tenant):
    for method in ("PUT", "DELETE", "PATCH"):
        response = await graphql.http.request(method, "/graphql", json={"query": "{ __typename }"}, headers=auth(tenant))

        assert response.status_code == 405, method
        assert response.headers["allow"] == "GET, POST"
        assert response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


async def test_a_browser_gets_graphiql_but_a_browser_sending_a_query_gets_json(graphql, tenant):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = await graphql.http.get("/graphql", headers={"Accept": browser})
    result = await graphql.http.get("/graphql", params={"query": "{ __typename }"}, headers=auth(tenant, browser))

    assert page.status_code == 200 and "graphiql" in page.text.lower()
    assert result.json() == {"data": {"__typename": "Query"}}


async def test_without_graphiql_a_browser_page_request_is_404_and_runs_nothing(db):
    persisted = {"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}}
    async with graphql_client(db, graphiql=False) as client:
        response = await client.http.get(
            "/graphql", params={"extensions": json.dumps(persisted)}, headers={"Accept": "text/html"}
        )

    assert response.status_code == 404
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
