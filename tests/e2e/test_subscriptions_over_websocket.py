"""Subscriptions over graphql-transport-ws against a running `concord serve`."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess

import pytest
import websockets

from domain.outbox import record_event
from infra.db import close_database, open_database
from infra.settings import load_settings
from tenants.context import tenant_transaction
from tests.e2e.test_production import wait_for
from tests.e2e.test_demo import free_port
from tests.infra.cli.running import CONCORD, concord_env, run_concord

PROTOCOL = "graphql-transport-ws"


@pytest.fixture
def server(tmp_path):
    database_url = f"sqlite://{tmp_path}/concord.sqlite3"
    assert run_concord("migrate", database_url=database_url).returncode == 0
    tenants = {
        slug: json.loads(run_concord("tenants", "create", slug, "--name", slug.title(), database_url=database_url).stdout)
        for slug in ("listener", "bystander")
    }
    port = free_port()
    process = subprocess.Popen([*CONCORD, "serve", "--port", str(port)], env=concord_env(database_url=database_url), stderr=subprocess.PIPE, text=True)
    wait_for(f"http://127.0.0.1:{port}/healthz")
    yield f"ws://127.0.0.1:{port}/graphql", database_url, tenants
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=20)


async def record(database_url: str, tenant_id: str, event_type: str, payload: dict) -> None:
    await open_database(load_settings(database_url=database_url))
    try:
        async with tenant_transaction(__import__("uuid").UUID(tenant_id)):
            await record_event(event_type=event_type, payload=payload)
    finally:
        await close_database()


async def test_a_subscriber_receives_its_tenants_events_and_not_another_tenants(server):
    url, database_url, tenants = server
    listener, bystander = tenants["listener"], tenants["bystander"]
    async with websockets.connect(url, subprotocols=[PROTOCOL]) as socket:
        await socket.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {listener['api_key']}"}}))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": "subscription { stockLow { type payload } }"}}))
        await asyncio.sleep(1.0)
        await record(database_url, bystander["tenant"]["id"], "operations.stock_low", {"product": "theirs"})
        await record(database_url, listener["tenant"]["id"], "operations.stock_low", {"product": "ours"})
        message = json.loads(await asyncio.wait_for(socket.recv(), 10))

    assert message["type"] == "next" and message["id"] == "1"
    assert message["payload"]["data"]["stockLow"] == {"type": "operations.stock_low", "payload": {"product": "ours"}}


async def test_a_connection_with_a_bad_token_is_closed_4403(server):
    url, _, _ = server
    async with websockets.connect(url, subprotocols=[PROTOCOL]) as socket:
        await socket.send(json.dumps({"type": "connection_init", "payload": {"Authorization": "Bearer cnk_000000000000_wrong"}}))
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(socket.recv(), 10)

    assert closed.value.rcvd.code == 4403
