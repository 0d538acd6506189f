"""Unexpected errors reach clients masked outside development, and every error carries `extensions.code`."""

from __future__ import annotations

from contextlib import asynccontextmanager

import pytest

from infra.settings import Environment
from tests.api.protection.probe import LEAKY_MESSAGE, probe_client

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"


def leaks(text: str) -> bool:
    return any(secret in text for secret in ("SELECT", "customers", "RuntimeError", "Traceback", ".py"))


async def test_in_production_an_unexpected_error_says_only_internal_server_error(db, tenant, monkeypatch):
    async with probe_client(db, monkeypatch, environment=Environment.PRODUCTION) as client:
        response = await client.post("{ boom }", api_key=tenant.api_key)

    [error] = response.json()["errors"]
    assert response.json()["data"] == {"boom": None}
    assert error["message"] == "Internal server error"
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert error["path"] == ["boom"]
    assert not leaks(response.text)


async def test_in_development_an_unexpected_error_keeps_its_message_and_stack(db, tenant, monkeypatch):
    async with probe_client(db, monkeypatch, environment=Environment.DEVELOPMENT) as client:
        response = await client.post("{ boom }", api_key=tenant.api_key)

    [error] = response.json()["errors"]
    assert error["message"] == LEAKY_MESSAGE
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert any("RuntimeError" in line for line in error["extensions"]["stacktrace"])


async def test_in_production_errors_that_carry_a_code_pass_unmasked(db, tenant, monkeypatch):
    async with probe_client(db, monkeypatch, environment=Environment.PRODUCTION) as client:
        coded = (await client.post("{ refused }", api_key=tenant.api_key)).json()["errors"][0]
        invalid = (await client.post("{ viewer { nope } }", api_key=tenant.api_key)).json()["errors"][0]

    assert (coded["message"], coded["extensions"]) == ("refused on purpose", {"code": "FORBIDDEN"})
    assert "nope" in invalid["message"]
    assert invalid["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}


@pytest.fixture
def failing_transaction(monkeypatch):
    """Opening the tenant's transaction fails, as when the database is unreachable: outside any field."""

    @asynccontextmanager
    async def unreachable(tenant_id):
        raise RuntimeError(LEAKY_MESSAGE)
        yield

    monkeypatch.setattr("api.extensions.tenant_transaction", unreachable)


async def test_in_production_a_failure_outside_the_fields_is_masked_too(db, tenant, monkeypatch, failing_transaction):
    async with probe_client(db, monkeypatch, environment=Environment.PRODUCTION) as client:
        as_json = await client.post("{ viewer { subject } }", api_key=tenant.api_key)
        response = await client.http.post(
            "/graphql",
            json={"query": "{ viewer { subject } }"},
            headers={"Authorization": f"Bearer {tenant.api_key}", "Accept": GRAPHQL_RESPONSE_JSON},
        )

    assert as_json.status_code == 200
    assert response.status_code == 500
    assert response.json() == {"errors": [{"message": "Internal server error", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}]}
    assert not leaks(as_json.text) and not leaks(response.text)


FAILING_REQUESTS = [
    pytest.param({"query": "{ boom }"}, "INTERNAL_SERVER_ERROR", id="unexpected"),
    pytest.param({"query": "{ refused }"}, "FORBIDDEN", id="coded"),
    pytest.param({"query": "{ viewer "}, "GRAPHQL_PARSE_FAILED", id="parse"),
    pytest.param({"query": "{ nope }"}, "GRAPHQL_VALIDATION_FAILED", id="validation"),
    pytest.param(
        {"query": "query Q($s: Float!) { slow(seconds: $s) }", "variables": {"s": "soon"}}, "BAD_USER_INPUT", id="variables"
    ),
    pytest.param({"query": "query Q($s: Float!) { slow(seconds: $s) }"}, "BAD_USER_INPUT", id="missing-variable"),
    pytest.param(
        {"query": "query A { viewer { subject } }", "operationName": "B"}, "OPERATION_RESOLUTION_FAILURE", id="operation"
    ),
    pytest.param({"query": "{ customers(first: 1000) { totalCount } }"}, "BAD_USER_INPUT", id="resolver"),
    pytest.param({"query": '{ node(id: "nope") { id } }'}, "NOT_FOUND", id="not-found"),
    pytest.param({"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}}}, "PERSISTED_QUERY_NOT_FOUND", id="apq"),
    pytest.param({"variables": {}}, "BAD_REQUEST", id="no-query"),
]


@pytest.mark.parametrize("environment", [Environment.DEVELOPMENT, Environment.PRODUCTION])
@pytest.mark.parametrize(("body", "code"), FAILING_REQUESTS)
async def test_every_error_carries_a_code(db, tenant, monkeypatch, environment, body, code):
    async with probe_client(db, monkeypatch, environment=environment) as client:
        response = await client.http.post("/graphql", json=body, headers={"Authorization": f"Bearer {tenant.api_key}"})

    errors = response.json()["errors"]
    assert [error["extensions"]["code"] for error in errors] == [code]


async def test_a_value_a_column_cannot_hold_is_the_clients_error_naming_it(db, tenant, graphql):
    response = await graphql.post(
        'query { invoices(first: 1, filter: {currency: "EURO-ZONE"}) { totalCount } }', api_key=tenant.api_key
    )

    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    assert "EURO-ZONE" in error["message"]
    assert not leaks(response.text)
