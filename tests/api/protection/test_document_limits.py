"""Documents too deep, with too many aliases or too many tokens, are refused before they run; introspection
is on or off per deployment."""

from __future__ import annotations

from graphql import get_introspection_query

from infra.settings import Environment
from tests.conftest import graphql_client

DEPTH_3 = "{ customers(first: 1) { edges { node { id } } } }"
INTROSPECTION = "{ __schema { queryType { name } } }"


async def error_of(client, query: str, api_key: str) -> dict:
    """The first error of a refused document (which has no `data`: it never ran)."""
    body = (await client.post(query, api_key=api_key)).json()
    assert "data" not in body, body
    return body["errors"][0]


async def test_a_document_as_deep_as_the_limit_runs(db, tenant):
    async with graphql_client(db, graphql_max_depth=3) as client:
        data = await client.execute(DEPTH_3, api_key=tenant.api_key)

    assert data == {"customers": {"edges": []}}


async def test_a_document_deeper_than_the_limit_is_refused(db, tenant):
    async with graphql_client(db, graphql_max_depth=2) as client:
        error = await error_of(client, DEPTH_3, tenant.api_key)

    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "exceeds maximum operation depth of 2" in error["message"]


async def test_aliases_up_to_the_limit_run_and_more_are_refused(db, tenant):
    two = "{ a: viewer { subject } b: viewer { subject } }"
    three = "{ a: viewer { subject } b: viewer { subject } c: viewer { subject } }"
    async with graphql_client(db, graphql_max_aliases=2) as client:
        data = await client.execute(two, api_key=tenant.api_key)
        error = await error_of(client, three, tenant.api_key)

    assert data["a"] == data["b"]
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "3 aliases found. Allowed: 2" in error["message"]


async def test_tokens_up_to_the_limit_parse_and_more_are_refused_by_the_parser(db, tenant):
    six_tokens = "{ viewer { subject } }"
    async with graphql_client(db, graphql_max_tokens=6) as client:
        data = await client.execute(six_tokens, api_key=tenant.api_key)
        error = await error_of(client, "{ viewer { subject scopes } }", tenant.api_key)

    assert "viewer" in data
    assert error["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"
    assert "more than 6 tokens" in error["message"]


async def test_introspection_is_on_in_development_by_default(db, tenant):
    async with graphql_client(db, environment=Environment.DEVELOPMENT) as client:
        data = await client.execute(INTROSPECTION, api_key=tenant.api_key)

    assert data == {"__schema": {"queryType": {"name": "Query"}}}


async def test_introspection_is_off_in_production_by_default_but_typename_still_answers(db, tenant):
    async with graphql_client(db, environment=Environment.PRODUCTION) as client:
        error = await error_of(client, INTROSPECTION, tenant.api_key)
        data = await client.execute("{ __typename }", api_key=tenant.api_key)

    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "introspection has been disabled" in error["message"]
    assert data == {"__typename": "Query"}


async def test_introspection_follows_the_setting_when_it_is_set(db, tenant):
    async with graphql_client(db, environment=Environment.PRODUCTION, graphql_introspection=True) as client:
        data = await client.execute(INTROSPECTION, api_key=tenant.api_key)
    async with graphql_client(db, environment=Environment.DEVELOPMENT, graphql_introspection=False) as client:
        error = await error_of(client, INTROSPECTION, tenant.api_key)

    assert data["__schema"]["queryType"]["name"] == "Query"
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_without_introspection_errors_do_not_suggest_field_names(db, tenant):
    async with graphql_client(db, graphql_introspection=False) as client:
        hidden = await error_of(client, "{ viewe { subject } }", tenant.api_key)
    async with graphql_client(db, graphql_introspection=True) as client:
        suggested = await error_of(client, "{ viewe { subject } }", tenant.api_key)

    assert "Did you mean" in suggested["message"]
    assert "Did you mean" not in hidden["message"]


async def test_the_full_introspection_query_graphiql_sends_passes_the_default_limits(graphql, tenant):
    query = get_introspection_query(descriptions=True, specified_by_url=True, input_value_deprecation=True)

    data = await graphql.execute(query, api_key=tenant.api_key)

    assert data["__schema"]["queryType"]["name"] == "Query"
