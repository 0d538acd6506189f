"""Every GraphQL request is authenticated by a bearer API key."""

from __future__ import annotations

VIEWER = "{ viewer { tenant { id slug name } } }"


async def test_a_tenants_key_answers_that_tenant(graphql, tenant):
    data = await graphql.execute(VIEWER, api_key=tenant.api_key)

    assert data["viewer"]["tenant"]["slug"] == tenant.slug
    assert data["viewer"]["tenant"]["name"] == "Acme Test"


async def test_without_a_key_the_answer_is_401_unauthenticated(graphql):
    response = await graphql.post(VIEWER, api_key=None)

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_wrong_key_gets_the_same_answer_whatever_part_is_wrong(graphql, tenant):
    prefix_and_secret = tenant.api_key.removeprefix("cnk_")
    prefix, secret = prefix_and_secret[:12], prefix_and_secret[13:]
    wrong_keys = [
        "garbage",
        f"cnk_{prefix}_{secret[:-1]}x",  # right prefix, wrong secret
        f"cnk_000000000000_{secret}",  # unknown prefix
    ]
    answers = []
    for key in wrong_keys:
        response = await graphql.post(VIEWER, api_key=key)
        answers.append((response.status_code, response.json()))

    assert {status for status, _ in answers} == {401}
    assert len({str(body) for _, body in answers}) == 1


async def test_graphiql_is_served_to_browsers_without_a_key(graphql):
    response = await graphql.http.get("/graphql", headers={"Accept": "text/html"})

    assert response.status_code == 200
    assert "graphiql" in response.text.lower()
