"""Status codes by outcome and response media type, as GraphQL over HTTP asks.

As application/json every well-formed request gets 200, GraphQL errors included; as
application/graphql-response+json a request that never ran (no `data`) gets a 4xx. Requests that are
not well-formed GraphQL-over-HTTP requests get 400 (415 for a non-JSON POST body) either way.
"""

from __future__ import annotations

import pytest

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"

OUTCOMES = [
    # body, status as application/json, as application/graphql-response+json, has `data` (as graphql-response+json)
    pytest.param({"query": "{ viewer { subject } }"}, 200, 200, True, id="ran"),
    pytest.param({"query": "{ customers(first: 1000) { totalCount } }"}, 200, 200, True, id="field-error"),
    pytest.param({"query": "{ viewer "}, 200, 400, False, id="parse-error"),
    pytest.param({"query": "{ viewer { nope } }"}, 200, 400, False, id="validation-error"),
    pytest.param(
        {"query": "query Page($n: Int) { customers(first: $n) { totalCount } }", "variables": {"n": "ten"}},
        200,
        400,
        False,
        id="variable-coercion",
    ),
    pytest.param(
        {"query": "query A { viewer { subject } }", "operationName": "B"}, 200, 400, False, id="unknown-operation"
    ),
    pytest.param({"variables": {}}, 400, 400, False, id="no-query"),
    pytest.param({"query": 42}, 400, 400, False, id="query-not-a-string"),
    pytest.param({"query": "{ viewer { subject } }", "variables": [7]}, 400, 400, False, id="variables-not-an-object"),
    pytest.param({"query": "{ viewer { subject } }", "operationName": 1}, 400, 400, False, id="bad-operation-name"),
    pytest.param({"query": "{ viewer { subject } }", "extensions": "x"}, 400, 400, False, id="bad-extensions"),
    pytest.param([{"query": "{ viewer { subject } }"}], 400, 400, False, id="batch"),
]


@pytest.mark.parametrize(("body", "as_json", "as_graphql_response", "has_data"), OUTCOMES)
async def test_status_by_outcome_and_media_type(graphql, tenant, body, as_json, as_graphql_response, has_data):
    statuses = {}
    for accept in (JSON, GRAPHQL_RESPONSE_JSON):
        response = await graphql.http.post(
            "/graphql", json=body, headers={"Authorization": f"Bearer {tenant.api_key}", "Accept": accept}
        )
        statuses[accept] = response.status_code
        payload = response.json()
        assert all(error["extensions"]["code"] for error in payload.get("errors", []))
        if accept == GRAPHQL_RESPONSE_JSON:
            assert ("data" in payload) is has_data, payload

    assert statuses == {JSON: as_json, GRAPHQL_RESPONSE_JSON: as_graphql_response}


async def test_a_body_that_is_not_json_is_400(graphql, tenant):
    response = await graphql.http.post(
        "/graphql",
        content=b'{"query":',
        headers={"Authorization": f"Bearer {tenant.api_key}", "Content-Type": JSON, "Accept": GRAPHQL_RESPONSE_JSON},
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_a_post_body_of_another_media_type_is_415(graphql, tenant):
    response = await graphql.http.post(
        "/graphql",
        content=b"query=%7B%20viewer%20%7B%20subject%20%7D%20%7D",
        headers={"Authorization": f"Bearer {tenant.api_key}", "Content-Type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code == 415
    assert response.json()["errors"][0]["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"


async def test_a_field_error_that_nulls_the_whole_result_still_ran(graphql, tenant):
    # `customers` is non-null, so its error nulls `data` — but execution started: 200, with `data: null`.
    response = await graphql.http.post(
        "/graphql",
        json={"query": "{ customers(first: 1000) { totalCount } }"},
        headers={"Authorization": f"Bearer {tenant.api_key}", "Accept": GRAPHQL_RESPONSE_JSON},
    )

    assert response.status_code == 200
    assert response.json()["data"] is None
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
