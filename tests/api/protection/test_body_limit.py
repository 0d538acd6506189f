"""A request body over the limit is refused with 413 before it is parsed — or even authenticated."""

from __future__ import annotations

import json

from tests.conftest import graphql_client

LIMIT = 200


def padded_query(size: int) -> bytes:
    body = json.dumps({"query": "{ viewer { subject } }", "variables": {"pad": ""}})
    return body.replace('"pad": ""', '"pad": "' + "x" * (size - len(body)) + '"').encode()


async def test_a_body_within_the_limit_is_served(db, tenant):
    async with graphql_client(db, graphql_max_body_bytes=LIMIT) as client:
        response = await client.http.post(
            "/graphql",
            content=padded_query(LIMIT),
            headers={"Authorization": f"Bearer {tenant.api_key}", "Content-Type": "application/json"},
        )

    assert response.status_code == 200 and response.json()["data"]["viewer"]["subject"]


async def test_a_declared_length_over_the_limit_is_refused_unread_and_unauthenticated(db):
    async with graphql_client(db, graphql_max_body_bytes=LIMIT) as client:
        response = await client.http.post(
            "/graphql", content=padded_query(LIMIT + 1), headers={"Content-Type": "application/json"}
        )

    assert response.status_code == 413
    assert response.json() == {
        "errors": [
            {"message": f"the request body is larger than the limit of {LIMIT} bytes", "extensions": {"code": "REQUEST_TOO_LARGE"}}
        ]
    }


async def test_a_streamed_body_is_refused_once_it_passes_the_limit(db, tenant):
    chunks_sent = 0

    async def chunks():
        nonlocal chunks_sent
        for _ in range(100):
            chunks_sent += 1
            yield b" " * 100

    async with graphql_client(db, graphql_max_body_bytes=LIMIT) as client:
        response = await client.http.post(
            "/graphql",
            content=chunks(),  # no Content-Length: sent chunked
            headers={
                "Authorization": f"Bearer {tenant.api_key}",
                "Content-Type": "application/json",
                "Accept": "application/graphql-response+json",
            },
        )

    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"
    assert chunks_sent < 100
