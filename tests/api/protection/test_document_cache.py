"""Documents are parsed and validated once per process; the cost is still checked per request."""

from __future__ import annotations

from graphql import parse

from api.protection.document_cache import CheckedDocument, CheckedDocuments
from tests.conftest import graphql_client

PAGE = "query Page($n: Int) { customers(first: $n) { edges { node { id name } } } }"


def test_the_store_keeps_the_most_recently_used_documents_up_to_its_bound():
    documents = CheckedDocuments(max_documents=2)
    for text in ("{ a }", "{ b }"):
        documents.put(text, CheckedDocument(document=parse(text), errors=()))
    documents.get("{ a }")
    documents.put("{ c }", CheckedDocument(document=parse("{ c }"), errors=()))

    assert len(documents) == 2
    assert documents.get("{ b }") is None
    assert documents.get("{ a }") is not None and documents.get("{ c }") is not None


async def test_a_document_seen_before_is_not_parsed_again(db, tenant, monkeypatch):
    parsed: list[str] = []
    import strawberry.schema.schema as strawberry_schema

    real_parse = strawberry_schema.parse
    monkeypatch.setattr(strawberry_schema, "parse", lambda text, **options: parsed.append(text) or real_parse(text, **options))
    async with graphql_client(db) as client:
        for _ in range(3):
            await client.execute(PAGE, {"n": 5}, api_key=tenant.api_key)

    assert parsed == [PAGE]


async def test_an_invalid_document_seen_before_is_refused_the_same_way(db, tenant):
    async with graphql_client(db) as client:
        first, second = [
            (await client.post("{ viewer { nope } }", api_key=tenant.api_key)).json() for _ in range(2)
        ]

    assert first == second
    assert first["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_the_cost_of_a_known_document_follows_each_requests_variables(db, tenant):
    async with graphql_client(db, graphql_max_cost=100) as client:
        within = await client.post(PAGE, {"n": 10}, api_key=tenant.api_key)
        over = await client.post(PAGE, {"n": 50}, api_key=tenant.api_key)
        within_again = await client.post(PAGE, {"n": 10}, api_key=tenant.api_key)

    assert "errors" not in within.json() and "errors" not in within_again.json()
    assert over.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
