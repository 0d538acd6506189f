"""Subscriptions stream the caller's tenant's events as they commit, and nobody else's."""

from __future__ import annotations

import asyncio

from api.context import RequestContext
from api.schema import build_schema
from domain.outbox import record_event
from tenants.authentication import authenticate_api_key
from tenants.context import tenant_transaction

SUBSCRIBE = "subscription { dealStageChanged { type payload } }"
# On PostgreSQL an event is streamed once every older transaction on the server has ended; on a shared
# test server another session's CREATE DATABASE or migration can hold that back for seconds.
DELIVERY_SECONDS = 30


async def subscribe(schema, principal):
    context = RequestContext(request=None, response=None, principal=principal)
    return await schema.subscribe(SUBSCRIBE, context_value=context)


async def test_a_subscriber_gets_its_tenants_new_events_in_order_and_no_other_tenants(db, tenant, other_tenant):
    schema = build_schema(db)
    principal = await authenticate_api_key(token=tenant.api_key)
    async with tenant_transaction(tenant.id):
        await record_event(event_type="sales.deal_stage_changed", payload={"deal": "before-subscribing"})
    stream = await subscribe(schema, principal)
    first = asyncio.ensure_future(stream.__anext__())
    await asyncio.sleep(0.2)

    async with tenant_transaction(other_tenant.id):
        await record_event(event_type="sales.deal_stage_changed", payload={"deal": "not-yours"})
    async with tenant_transaction(tenant.id):
        await record_event(event_type="operations.stock_low", payload={"product": "not-subscribed"})
        await record_event(event_type="sales.deal_stage_changed", payload={"deal": "d-1", "stage": "proposal"})
        await record_event(event_type="sales.deal_won", payload={"deal": "d-1"})
    received = [await asyncio.wait_for(first, DELIVERY_SECONDS), await asyncio.wait_for(stream.__anext__(), DELIVERY_SECONDS)]
    await stream.aclose()

    assert [result.data["dealStageChanged"] for result in received] == [
        {"type": "sales.deal_stage_changed", "payload": {"deal": "d-1", "stage": "proposal"}},
        {"type": "sales.deal_won", "payload": {"deal": "d-1"}},
    ]


async def test_a_subscription_needs_its_scope(db, tenant, graphql):
    created = await graphql.execute(
        'mutation { createApiKey(input: {name: "ops", role: "back_office", scopes: ["operations:read"]}) { secret } }',
        api_key=tenant.api_key,
    )
    principal = await authenticate_api_key(token=created["createApiKey"]["secret"])
    schema = build_schema(db)

    result = await subscribe(schema, principal)
    if hasattr(result, "__anext__"):
        result = await result.__anext__()

    assert result.errors[0].extensions["code"] == "FORBIDDEN"
