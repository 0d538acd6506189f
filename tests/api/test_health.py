"""Liveness and readiness."""

from __future__ import annotations

import httpx

from api.app import create_app
from infra.settings import load_settings


async def test_healthz_says_the_process_is_alive(graphql):
    response = await graphql.http.get("/healthz")

    assert response.status_code == 200 and response.json() == {"status": "ok"}


async def test_readyz_is_ready_when_database_and_broker_answer(graphql):
    response = await graphql.http.get("/readyz")

    assert response.status_code == 200 and response.json() == {"status": "ready"}


async def test_readyz_names_the_broker_when_it_does_not_answer(db):
    settings = load_settings(database_url=db.database_url, broker_url="redis://127.0.0.1:1/0")
    app = create_app(settings, manage_database=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
        response = await http.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "failing": {"broker": "unavailable"}}


async def test_readyz_keeps_the_drivers_error_text_for_the_log(db, caplog):
    settings = load_settings(database_url=db.database_url, broker_url="redis://127.0.0.1:1/0")
    app = create_app(settings, manage_database=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
        response = await http.get("/readyz")

    assert "127.0.0.1" not in response.text and "Error" not in response.text
    [logged] = [record.getMessage() for record in caplog.records if record.name == "api.health"]
    assert "broker" in logged and "CONCORD_BROKER_URL" in logged and "ConnectionError" in logged
