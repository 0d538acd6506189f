"""A production-mode server's answers to broken and hostile requests carry nothing internal.

Unlike test_error_masking, this uses the real schema only: whatever a client can send, the answer
has no SQL, no file path, no driver or ORM name and no stack frame.
"""

from __future__ import annotations

import re

import pytest

from infra.settings import Environment
from tests.conftest import graphql_client

INTERNAL = re.compile(
    r"SELECT |INSERT |UPDATE |DELETE FROM|\bFROM \"|Traceback|File \"|site-packages|/work/|\.py\b|asyncpg|tortoise|sqlite3|"
    r"psycopg|stacktrace|0x[0-9a-f]{8}",
    re.IGNORECASE,
)

BROKEN_REQUESTS = [
    pytest.param({"query": "{ customers(first: 5) { edges { node { name } } "}, id="unclosed"),
    pytest.param({"query": "{ customers(first: -1) { totalCount } }"}, id="negative-page"),
    pytest.param({"query": '{ customers(first: 5, after: "not-a-cursor") { totalCount } }'}, id="bad-cursor"),
    pytest.param({"query": '{ node(id: "Q3VzdG9tZXI6bm90LWEtdXVpZA==") { id } }'}, id="id-with-garbage-inside"),
    pytest.param({"query": "{ customers(first: 99999999999999999999) { totalCount } }"}, id="int-overflow"),
    pytest.param({"query": "{ customers(first: 1) { edges { node { nope } } } }"}, id="unknown-field"),
    pytest.param({"query": "query ($n: Int!) { customers(first: $n) { totalCount } }", "variables": {"n": "x"}}, id="bad-variable"),
    pytest.param(
        {"query": 'mutation { createCustomer(input: {name: "nul\\u0000byte"}) { customer { id } userErrors { message } } }'},
        id="nul-in-text",
    ),
    pytest.param(
        {"query": 'mutation { createCustomer(input: {name: "%s"}) { customer { id } userErrors { message } } }' % ("x" * 5000)},
        id="text-too-long",
    ),
    pytest.param({"query": "{ " + "viewer { tenant { slug } } " * 3 + "}"}, id="duplicate-fields"),
    pytest.param({"query": "subscription { nope }"}, id="subscription-over-http"),
    pytest.param({"query": 12}, id="query-not-a-string"),
]


@pytest.mark.parametrize("body", BROKEN_REQUESTS)
async def test_a_broken_request_to_a_production_server_answers_nothing_internal(db, tenant, body):
    async with graphql_client(db, environment=Environment.PRODUCTION) as client:
        response = await client.http.post("/graphql", json=body, headers={"Authorization": f"Bearer {tenant.api_key}"})

    assert response.status_code < 500 or response.json()["errors"][0]["message"] == "Internal server error"
    assert all(error["extensions"]["code"] for error in response.json().get("errors", []))
    assert not INTERNAL.search(response.text), response.text


async def test_a_body_that_is_not_json_answers_nothing_internal(db, tenant):
    async with graphql_client(db, environment=Environment.PRODUCTION) as client:
        response = await client.http.post(
            "/graphql", content=b'{"query": "{ viewer', headers={"Authorization": f"Bearer {tenant.api_key}", "Content-Type": "application/json"}
        )

    assert response.status_code == 400
    assert not INTERNAL.search(response.text), response.text
