"""Automatic persisted queries (Apollo's protocol): a client sends a query's SHA-256 and, on a miss, the
hash with the query, which registers it. Over POST and GET alike."""

from __future__ import annotations

import hashlib
import json

from api.protection.persisted_queries import InMemoryPersistedQueries
from tests.conftest import graphql_client

QUERY = "query Me { viewer { tenant { slug } } }"
HASH = hashlib.sha256(QUERY.encode()).hexdigest()
GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"


def persisted(sha256_hash: str = HASH) -> dict:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha256_hash}}


def headers(tenant, accept: str = "application/json") -> dict:
    return {"Authorization": f"Bearer {tenant.api_key}", "Accept": accept}


async def post(graphql, tenant, body: dict, accept: str = "application/json"):
    return await graphql.http.post("/graphql", json=body, headers=headers(tenant, accept))


async def get(graphql, tenant, params: dict, accept: str = "application/json"):
    encoded = {name: json.dumps(value) if isinstance(value, dict) else value for name, value in params.items()}
    return await graphql.http.get("/graphql", params=encoded, headers=headers(tenant, accept))


async def test_an_unknown_hash_is_persisted_query_not_found(graphql, tenant):
    response = await post(graphql, tenant, {"extensions": persisted()})

    assert response.status_code == 200
    assert response.json() == {
        "errors": [{"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}]
    }
    assert "no-cache" in response.headers["cache-control"]


async def test_a_miss_is_404_as_graphql_response_json(graphql, tenant):
    response = await post(graphql, tenant, {"extensions": persisted()}, accept=GRAPHQL_RESPONSE_JSON)

    assert response.status_code == 404
    assert response.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_hash_and_query_register_it_and_the_hash_alone_then_runs_it(graphql, tenant):
    registered = await post(graphql, tenant, {"query": QUERY, "extensions": persisted()})
    hit = await post(graphql, tenant, {"extensions": persisted()})

    assert registered.json() == {"data": {"viewer": {"tenant": {"slug": tenant.slug}}}}
    assert hit.json() == registered.json()


async def test_persisted_queries_work_over_get(graphql, tenant):
    miss = await get(graphql, tenant, {"extensions": persisted()})
    registered = await get(graphql, tenant, {"query": QUERY, "extensions": persisted()})
    hit = await get(graphql, tenant, {"extensions": persisted(), "operationName": "Me"})

    assert miss.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert registered.json()["data"] == hit.json()["data"] == {"viewer": {"tenant": {"slug": tenant.slug}}}


async def test_a_hash_that_is_not_the_querys_is_refused_and_registers_nothing(graphql, tenant):
    wrong = hashlib.sha256(b"{ __typename }").hexdigest()

    mismatch = await post(graphql, tenant, {"query": QUERY, "extensions": persisted(wrong)})
    later = await post(graphql, tenant, {"extensions": persisted(wrong)})

    assert mismatch.status_code == 400
    assert mismatch.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"
    assert later.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_a_query_that_fails_validation_is_not_registered(graphql, tenant):
    invalid = "{ viewer { nope } }"
    sha = hashlib.sha256(invalid.encode()).hexdigest()

    await post(graphql, tenant, {"query": invalid, "extensions": persisted(sha)})
    later = await post(graphql, tenant, {"extensions": persisted(sha)})

    assert later.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_a_persisted_mutation_is_still_refused_over_get(graphql, tenant):
    mutation = 'mutation { createCustomer(input: {name: "Via GET"}) { customer { id } } }'
    sha = hashlib.sha256(mutation.encode()).hexdigest()
    await post(graphql, tenant, {"query": mutation, "extensions": persisted(sha)})

    response = await get(graphql, tenant, {"extensions": persisted(sha)})

    assert response.status_code == 405 and response.headers["allow"] == "POST"


async def test_a_malformed_persisted_query_extension_is_a_bad_request(graphql, tenant):
    version_2 = await post(graphql, tenant, {"extensions": {"persistedQuery": {"version": 2, "sha256Hash": HASH}}})
    not_hex = await post(graphql, tenant, {"extensions": persisted("not-a-hash")})

    assert (version_2.status_code, not_hex.status_code) == (400, 400)
    assert {r.json()["errors"][0]["extensions"]["code"] for r in (version_2, not_hex)} == {"BAD_REQUEST"}


async def test_with_persisted_queries_turned_off_they_are_not_supported(db, tenant):
    async with graphql_client(db, graphql_persisted_queries=0) as client:
        response = await post(client, tenant, {"query": QUERY, "extensions": persisted()})

    assert response.json()["errors"][0] == {
        "message": "PersistedQueryNotSupported",
        "extensions": {"code": "PERSISTED_QUERY_NOT_SUPPORTED"},
    }


async def test_the_store_forgets_the_least_recently_used_query_first():
    store = InMemoryPersistedQueries(max_entries=2)
    await store.put("a", "{ a }")
    await store.put("b", "{ b }")
    await store.get("a")  # now "b" is the least recently used

    await store.put("c", "{ c }")

    assert (await store.get("a"), await store.get("b"), await store.get("c")) == ("{ a }", None, "{ c }")
    assert len(store) == 2


async def test_the_store_is_bounded_by_total_size_too():
    store = InMemoryPersistedQueries(max_entries=100, max_characters=10)
    await store.put("a", "{ aaaa }")
    await store.put("b", "{ bbbb }")
    await store.put("huge", "{ " + "x" * 20 + " }")

    assert (await store.get("a"), await store.get("b"), await store.get("huge")) == (None, "{ bbbb }", None)
