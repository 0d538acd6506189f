"""`concord tenants create` prints the tenant and a key that the API accepts."""

from __future__ import annotations

import json

import httpx

from api.app import create_app
from infra.db import close_database, open_database
from infra.settings import load_settings
from tests.infra.cli.running import run_concord


async def test_the_printed_key_answers_the_created_tenant(database_url):
    result = run_concord("tenants", "create", "initech", "--name", "Initech Corp", database_url=database_url)

    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert set(printed) == {"tenant", "api_key"}
    assert printed["tenant"]["slug"] == "initech"

    settings = load_settings(database_url=database_url)
    await open_database(settings)
    try:
        app = create_app(settings, manage_database=False)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
            response = await http.post(
                "/graphql",
                json={"query": "{ viewer { tenant { id slug name } } }"},
                headers={"Authorization": f"Bearer {printed['api_key']}"},
            )
    finally:
        await close_database()
    assert response.json()["data"]["viewer"]["tenant"]["name"] == "Initech Corp"


def test_a_taken_slug_is_refused_with_one_line(database_url):
    run_concord("tenants", "create", "umbrella", "--name", "Umbrella", database_url=database_url)

    again = run_concord("tenants", "create", "umbrella", "--name", "Umbrella 2", database_url=database_url)

    assert again.returncode == 1
    assert again.stderr.strip() == "error: slug: a tenant with slug 'umbrella' exists"
    assert again.stdout == ""
