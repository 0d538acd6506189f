"""A query's cost is estimated from its document before it runs, and an operation over the limit is refused.

Each field costs 1; a page (a field taking `first`/`last`) or a list of objects multiplies its selection
by the page size it asks for, or by the default page size (100) when it asks for none.
"""

from __future__ import annotations

from graphql import OperationDefinitionNode, parse

from api.protection.cost import CostEstimate
from api.schema import schema
from tests.conftest import graphql_client

CUSTOMER_PAGE = "query Page($n: Int) { customers(first: $n) { edges { node { id name } } } }"


def cost(query: str, variables: dict | None = None) -> int:
    document = parse(query)
    [operation] = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return CostEstimate(schema._schema, document.definitions, variables=variables or {}).of_operation(operation)


def test_each_field_costs_one():
    assert cost("{ viewer { subject scopes tenant { id slug } } }") == 6


def test_a_page_multiplies_its_selection_by_first_or_last():
    # customers (1) + 10 × [edges (1) + node (1) + id (1) + name (1)]
    assert cost("{ customers(first: 10) { edges { node { id name } } } }") == 41
    assert cost("{ customers(last: 3) { edges { node { id name } } } }") == 13


def test_a_page_without_a_size_counts_the_default_page_size():
    assert cost("{ customers { edges { node { id name } } } }") == 401


def test_page_sizes_come_from_variables_or_their_defaults():
    assert cost(CUSTOMER_PAGE, {"n": 5}) == 21
    assert cost("query Page($n: Int = 2) { customers(first: $n) { edges { node { id name } } } }") == 9
    assert cost(CUSTOMER_PAGE) == 401


def test_nested_pages_multiply():
    query = "{ customers(first: 10) { edges { node { contacts(first: 5) { edges { node { id } } } } } } }"
    # contacts: 1 + 5 × 3 = 16; customers: 1 + 10 × (edges 1 + node 1 + 16)
    assert cost(query) == 181


def test_fragments_count_where_they_are_spread():
    query = """
      { customers(first: 2) { edges { node { ...Names } } } }
      fragment Names on Customer { id name }
    """
    assert cost(query) == 9


def test_introspection_is_free():
    assert cost("{ __schema { types { name fields { name } } } }") == 0


async def test_an_operation_within_the_limit_runs(db, tenant):
    async with graphql_client(db, graphql_max_cost=100) as client:
        data = await client.execute(CUSTOMER_PAGE, {"n": 10}, api_key=tenant.api_key)

    assert data == {"customers": {"edges": []}}


async def test_an_operation_over_the_limit_is_refused_with_its_cost(db, tenant):
    async with graphql_client(db, graphql_max_cost=100) as client:
        response = await client.post(CUSTOMER_PAGE, {"n": 50}, api_key=tenant.api_key)

    body = response.json()
    assert "data" not in body
    [error] = body["errors"]
    assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX", "cost": 201, "maxCost": 100}
    assert "costs 201" in error["message"] and "limit of 100" in error["message"]


async def test_an_operation_over_the_limit_is_refused_before_it_runs(db, tenant):
    create = 'mutation { createCustomer(input: {name: "Never Written"}) { customer { id } userErrors { field message code } } }'
    async with graphql_client(db, graphql_max_cost=50) as client:
        refused = await client.post(create, api_key=tenant.api_key)
        count = await client.execute("{ customers(first: 1) { totalCount } }", api_key=tenant.api_key)

    assert refused.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert count == {"customers": {"totalCount": 0}}
