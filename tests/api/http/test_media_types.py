"""The response media type follows the request's Accept header (GraphQL over HTTP, "Body")."""

from __future__ import annotations

import pytest

from api.http.negotiation import GRAPHQL_RESPONSE_JSON, JSON, response_media_type


@pytest.mark.parametrize(
    ("accept", "answered_as"),
    [
        (GRAPHQL_RESPONSE_JSON, GRAPHQL_RESPONSE_JSON),
        (JSON, JSON),
        (f"{GRAPHQL_RESPONSE_JSON}; charset=utf-8", GRAPHQL_RESPONSE_JSON),
        (f"{JSON}, {GRAPHQL_RESPONSE_JSON}", GRAPHQL_RESPONSE_JSON),  # both named: the newer type is preferred
        (f"{GRAPHQL_RESPONSE_JSON};q=0.5, {JSON}", JSON),  # unless the client weighs it lower
        ("*/*", JSON),  # curl, fetch and older clients: they expect 200 for GraphQL errors
        ("application/*", JSON),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", JSON),  # a browser
        (f"{GRAPHQL_RESPONSE_JSON}, */*;q=0.1", GRAPHQL_RESPONSE_JSON),
        (None, GRAPHQL_RESPONSE_JSON),  # no Accept at all: the specification's default since 2025
        ("", GRAPHQL_RESPONSE_JSON),
    ],
)
def test_the_response_media_type_is_the_best_one_accepted(accept, answered_as):
    assert response_media_type(accept) == answered_as


@pytest.mark.parametrize("accept", ["text/html", "text/plain, image/*", f"{JSON};q=0", "*/*;q=0", "application/xml"])
def test_an_accept_header_allowing_neither_type_gets_nothing(accept):
    assert response_media_type(accept) is None


async def test_the_response_is_encoded_in_the_negotiated_type(graphql, tenant):
    for accept, content_type in [(GRAPHQL_RESPONSE_JSON, GRAPHQL_RESPONSE_JSON), ("*/*", JSON), (JSON, JSON)]:
        response = await graphql.http.post(
            "/graphql",
            json={"query": "{ viewer { subject } }"},
            headers={"Authorization": f"Bearer {tenant.api_key}", "Accept": accept},
        )

        assert response.status_code == 200
        assert response.headers["content-type"] == f"{content_type}; charset=utf-8"
        assert response.headers["vary"] == "Accept"
        assert response.json()["data"]["viewer"]["subject"]


async def test_an_unacceptable_accept_header_is_406(graphql, tenant):
    response = await graphql.http.post(
        "/graphql",
        json={"query": "{ viewer { subject } }"},
        headers={"Authorization": f"Bearer {tenant.api_key}", "Accept": "text/plain"},
    )

    assert response.status_code == 406
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_ACCEPTABLE"
