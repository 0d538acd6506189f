"""A live subscription stops when its access stops: a revoked key, an expired token or a suspended
tenant closes the websocket with 4403 (Forbidden) within the re-check interval, and no event is
delivered on a credential that no longer counts.

Each test talks graphql-transport-ws over a real websocket to the app served by uvicorn on a
localhost port, against this module's database (SQLite and PostgreSQL).
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import pytest
import uvicorn
import websockets

from api.app import create_app
from api.auth import token_verifier
from domain.outbox import record_event
from tenants import lifecycle
from tenants.audit import Outcome, audit_events
from tenants.context import tenant_transaction
from tenants.credential_changes import CredentialChangeListener
from tenants.models import Role
from tenants.users import add_membership, create_user

PROTOCOL = "graphql-transport-ws"
SUBSCRIBE = "subscription { dealStageChanged { type payload } }"
CREATE_KEY = 'mutation { createApiKey(input: {name: "live board", role: "admin"}) { apiKey { id } secret } }'
REVOKE_KEY = "mutation R($id: ID!) { revokeApiKey(input: {id: $id}) { userErrors { code } } }"
# On PostgreSQL an event is streamed once every older transaction on the server has ended; on a shared
# test server another session's CREATE DATABASE or migration can hold that back for seconds.
DELIVERY_SECONDS = 30

Serve = Callable[..., AbstractAsyncContextManager[str]]


@pytest.fixture
def serve(db) -> Serve:
    """Serve the app over HTTP and websockets on a free localhost port; yields the `/graphql` ws URL."""

    @asynccontextmanager
    async def running(*, recheck_seconds: float) -> AsyncIterator[str]:
        app = create_app(db.model_copy(update={"subscription_recheck_seconds": recheck_seconds}), manage_database=False)
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False))
        listening = socket.socket()
        listening.bind(("127.0.0.1", 0))
        # As `concord serve` does on PostgreSQL: revocations committed elsewhere reach the credential cache.
        changes = CredentialChangeListener(db.database_url) if db.database_is_postgres else None
        if changes is not None:
            changes.start()
        task = asyncio.create_task(server.serve(sockets=[listening]))
        while not server.started:
            await asyncio.sleep(0.02)
        try:
            yield f"ws://127.0.0.1:{listening.getsockname()[1]}/graphql"
        finally:
            server.should_exit = True
            await asyncio.wait_for(task, 10)
            if changes is not None:
                await changes.stop()

    return running


@asynccontextmanager
async def subscribed(url: str, token: str) -> AsyncIterator[websockets.ClientConnection]:
    async with websockets.connect(url, subprotocols=[PROTOCOL]) as connection:
        await connection.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}))
        assert json.loads(await asyncio.wait_for(connection.recv(), 5))["type"] == "connection_ack"
        await connection.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))
        await asyncio.sleep(0.5)  # the stream has taken its place in the outbox
        yield connection


async def record(tenant_id, deal: str) -> None:
    async with tenant_transaction(tenant_id):
        await record_event(event_type="sales.deal_stage_changed", payload={"deal": deal})


async def next_event(connection) -> dict:
    message = json.loads(await asyncio.wait_for(connection.recv(), DELIVERY_SECONDS))
    assert message["type"] == "next", message
    return message["payload"]["data"]["dealStageChanged"]["payload"]


# A closing is due within the re-check interval, plus the credential cache's lifetime (10 s) should a
# re-check have cached the credential just before its revocation committed.
CLOSING_SECONDS = 15.0


async def until_closed(connection, *, within: float = CLOSING_SECONDS) -> tuple[int | None, list[dict]]:
    """The code the server closed with (None: still open after `within` s), and what arrived before."""
    arrived: list[dict] = []
    try:
        while True:
            arrived.append(json.loads(await asyncio.wait_for(connection.recv(), within)))
    except TimeoutError:
        return None, arrived
    except websockets.ConnectionClosed as closed:
        return (closed.rcvd.code if closed.rcvd else None), arrived


async def a_second_key(graphql, tenant) -> tuple[str, str]:
    created = (await graphql.execute(CREATE_KEY, api_key=tenant.api_key))["createApiKey"]
    return created["apiKey"]["id"], created["secret"]


async def test_a_subscription_whose_api_key_is_revoked_mid_stream_is_closed_4403(serve, graphql, tenant, caplog):
    key_id, secret = await a_second_key(graphql, tenant)
    async with serve(recheck_seconds=0.5) as url, subscribed(url, secret) as connection:
        await record(tenant.id, "d-1")
        assert await next_event(connection) == {"deal": "d-1"}

        with caplog.at_level(logging.INFO, logger="api.ws_auth"):
            await graphql.execute(REVOKE_KEY, {"id": key_id}, api_key=tenant.api_key)
            code, arrived = await until_closed(connection)

    assert code == 4403 and arrived == []
    closing = [record for record in caplog.records if record.name == "api.ws_auth"]
    assert closing and "4403" in closing[0].getMessage() and "UNAUTHENTICATED" in closing[0].getMessage()
    async with tenant_transaction(tenant.id):
        entry = await audit_events(action="subscriptionClosed").first()
    assert entry is not None and entry.outcome == Outcome.REJECTED and entry.details["code"] == "UNAUTHENTICATED"


async def test_an_event_recorded_after_the_key_was_revoked_is_not_delivered_even_before_the_next_periodic_check(
    serve, graphql, tenant
):
    key_id, secret = await a_second_key(graphql, tenant)
    async with serve(recheck_seconds=600) as url, subscribed(url, secret) as connection:
        await graphql.execute(REVOKE_KEY, {"id": key_id}, api_key=tenant.api_key)
        await record(tenant.id, "after revocation")
        code, arrived = await until_closed(connection)

    assert code == 4403 and arrived == []


async def test_a_subscription_whose_token_expires_mid_stream_is_closed_4403(serve, db, tenant):
    user = await create_user(email=f"{tenant.slug}@example.com", name="Night Shift")
    async with tenant_transaction(tenant.id):
        await add_membership(user_id=user.id, role=Role.ADMIN)
    # Long enough to be accepted on a loaded machine; no event is needed to show it was open: it was acked.
    token = token_verifier(db).issue(user_id=user.id, tenant_id=tenant.id, ttl_seconds=5)
    async with serve(recheck_seconds=0.5) as url, subscribed(url, token) as connection:
        code, arrived = await until_closed(connection)

    assert code == 4403 and arrived == []


async def test_a_subscription_of_a_tenant_suspended_mid_stream_is_closed_4403(serve, tenant):
    async with serve(recheck_seconds=0.5) as url, subscribed(url, tenant.api_key) as connection:
        await record(tenant.id, "d-1")
        assert await next_event(connection) == {"deal": "d-1"}
        await lifecycle.suspend_tenant(slug=tenant.slug)
        code, arrived = await until_closed(connection)

    assert code == 4403 and arrived == []
    async with tenant_transaction(tenant.id):
        entry = await audit_events(action="subscriptionClosed").first()
    assert entry is not None and entry.details["code"] == "TENANT_SUSPENDED"


async def test_a_subscription_with_valid_access_keeps_streaming_across_re_checks(serve, tenant):
    async with serve(recheck_seconds=0.2) as url, subscribed(url, tenant.api_key) as connection:
        await asyncio.sleep(1.0)  # several re-checks pass
        await record(tenant.id, "d-2")
        assert await next_event(connection) == {"deal": "d-2"}


async def test_an_operation_started_on_a_connection_whose_key_was_revoked_is_refused_4403(serve, graphql, tenant):
    key_id, secret = await a_second_key(graphql, tenant)
    async with serve(recheck_seconds=30) as url, websockets.connect(url, subprotocols=[PROTOCOL]) as connection:
        await connection.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {secret}"}}))
        assert json.loads(await asyncio.wait_for(connection.recv(), 5))["type"] == "connection_ack"
        await graphql.execute(REVOKE_KEY, {"id": key_id}, api_key=tenant.api_key)
        await connection.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": "{ viewer { subject } }"}}))
        code, arrived = await until_closed(connection)

    assert code == 4403 and arrived == []
