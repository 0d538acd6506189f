"""An operation that runs past its deadline is cancelled — its writes roll back — and answered with TIMEOUT."""

from __future__ import annotations

import time

from tests.api.protection.probe import probe_client

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"


async def test_an_operation_within_the_deadline_answers(db, tenant, monkeypatch):
    async with probe_client(db, monkeypatch, graphql_timeout_seconds=5) as client:
        data = await client.execute("{ slow(seconds: 0.01) }", api_key=tenant.api_key)

    assert data == {"slow": "done"}


async def test_an_operation_past_the_deadline_is_cancelled_with_timeout(db, tenant, monkeypatch):
    async with probe_client(db, monkeypatch, graphql_timeout_seconds=0.2) as client:
        started = time.monotonic()
        as_json = await client.post("{ slow(seconds: 30) }", api_key=tenant.api_key)
        elapsed = time.monotonic() - started
        as_graphql_response = await client.http.post(
            "/graphql",
            json={"query": "{ slow(seconds: 30) }"},
            headers={"Authorization": f"Bearer {tenant.api_key}", "Accept": GRAPHQL_RESPONSE_JSON},
        )

    assert elapsed < 5
    assert as_json.status_code == 200
    assert as_json.json() == {
        "errors": [
            {"message": "the operation did not finish within 0.2 seconds and was cancelled", "extensions": {"code": "TIMEOUT"}}
        ]
    }
    assert as_graphql_response.status_code == 504
    assert as_graphql_response.json()["errors"][0]["extensions"]["code"] == "TIMEOUT"


async def test_a_timed_out_mutation_leaves_nothing_behind(db, tenant, monkeypatch):
    slow_create = 'mutation { createCustomerSlowly(name: "Half Done Ltd", seconds: 30) }'
    async with probe_client(db, monkeypatch, graphql_timeout_seconds=0.3) as client:
        response = await client.post(slow_create, api_key=tenant.api_key)
        data = await client.execute("{ customers(first: 10) { totalCount } }", api_key=tenant.api_key)

    assert response.json()["errors"][0]["extensions"]["code"] == "TIMEOUT"
    assert data == {"customers": {"totalCount": 0}}
