"""Never lose an event, never apply one twice: the outbox with the broker down, a message delivered
twice, and a poison message through its retries to the dead-letter queue and back with retryJob."""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest

from domain.automation import jobs
from domain.automation.models import AppliedEffect, Job, JobStatus
from domain.outbox import record_event
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import scoped
from tests.services import REDIS_URL_ENV, require_service
from tests.workers.harness import eventually, redis_worker
from workers.actors.events import publish_event, run_automation
from workers.automation.registry import automation
from workers.broker import build_broker
from workers.message_options import IDEMPOTENCY_KEY, TENANT_ID
from workers.middleware.metrics import OUTBOX_LAG_SECONDS
from workers.outbox_relay import relay_once
from workers.runtime import use_broker

REFUSING_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1: every connection is refused
effects: list[str] = []
poison = {"failing": True}


@automation("test.count_effect", on=["test.counted"])
async def count_effect(*, event_id: str, event_type: str, payload: dict) -> None:
    effects.append(event_id)


@automation("test.poison", on=["test.poisoned"])
async def poisoned(*, event_id: str, event_type: str, payload: dict) -> None:
    if poison["failing"]:
        raise RuntimeError("the supplier API answered 500")
    effects.append(f"healed:{event_id}")


@pytest.fixture(scope="module")
def test_database(postgres_database):
    """PostgreSQL only: the production pair of database and broker, with row-level security on."""
    return postgres_database


def queued_event_ids(broker, queue: str) -> set[str]:
    """The event ids of the dispatch messages waiting in a Redis queue."""
    raw = broker.client.hvals(f"{broker.namespace}:{queue}.msgs")
    return {json.loads(body)["args"][0] for body in raw}


async def test_events_recorded_while_the_broker_is_down_stay_pending_and_are_all_published_once_it_is_back(db, tenant, capsys):
    down = build_broker(db.model_copy(update={"broker_url": REFUSING_BROKER}))
    use_broker(down)
    async with tenant_transaction(tenant.id):
        recorded = [await record_event(event_type="crm.interaction_logged", payload={"n": n}) for n in range(3)]
    for _ in range(3):
        assert await relay_once(publish_event) == 0
    async with tenant_transaction(tenant.id):
        pending = await scoped(OutboxEvent).filter(id__in=[e.id for e in recorded]).order_by("created_at")
    lag_while_down = OUTBOX_LAG_SECONDS._value.get()
    assert all(event.published_at is None for event in pending)
    assert pending[0].publish_attempts == 3 and "ConnectionError" in pending[0].last_error  # the first waits, in order
    assert lag_while_down > 0

    up = build_broker(db.model_copy(update={"broker_url": require_service(REDIS_URL_ENV)}))
    up.flush_all()
    use_broker(up)
    try:
        published = await relay_once(publish_event)
        async with tenant_transaction(tenant.id):
            after = await scoped(OutboxEvent).filter(id__in=[e.id for e in recorded])
        in_queue = queued_event_ids(up, "events")
    finally:
        up.flush_all()
        up.close()
    with capsys.disabled():
        print(f"\noutbox with the broker down: 3 events recorded, 3 relay passes -> 0 published, "
              f"attempts {[e.publish_attempts for e in pending]}, lag {lag_while_down:.2f}s; broker back -> "
              f"{published} published, {len(in_queue & {str(e.id) for e in recorded})} of 3 in the queue, lag {OUTBOX_LAG_SECONDS._value.get():.0f}s")
    assert published >= 3 and all(event.published_at is not None for event in after)
    assert {str(e.id) for e in recorded} <= in_queue
    assert OUTBOX_LAG_SECONDS._value.get() == 0


async def test_the_same_message_delivered_twice_applies_its_effect_once(db, tenant, capsys):
    effects.clear()
    async with redis_worker(db, relay=False) as worker:
        event_id = str(uuid.uuid4())
        message = run_automation.message_with_options(
            args=("test.count_effect", event_id, "test.counted", {}),
            **{TENANT_ID: str(tenant.id), IDEMPOTENCY_KEY: f"{event_id}:test.count_effect"},
        )
        worker.broker.enqueue(message)
        worker.broker.enqueue(message)  # a redelivery: the same message id and key, as after a lost ack
        await eventually(lambda: asyncio.sleep(0, worker.counter.deliveries.get("run_automation", 0) >= 2), what="two deliveries")
        await asyncio.to_thread(worker.broker.join, "automation", timeout=20_000)
        async with tenant_transaction(tenant.id):
            claims = await scoped(AppliedEffect).filter(idempotency_key=f"{event_id}:test.count_effect").count()
        deliveries = worker.counter.deliveries["run_automation"]
    with capsys.disabled():
        print(f"\nredelivery: {deliveries} deliveries of one message, {len(effects)} effect(s) applied, {claims} claim recorded")
    assert deliveries == 2 and effects == [event_id] and claims == 1


async def test_a_poison_message_is_retried_dead_lettered_shown_failed_and_re_driven_by_retry_job(db, tenant, graphql, capsys):
    effects.clear()
    poison["failing"] = True
    async with redis_worker(db, relay=False) as worker:
        event_id = str(uuid.uuid4())
        message = run_automation.message_with_options(
            args=("test.poison", event_id, "test.poisoned", {}),
            max_retries=2, min_backoff=50, max_backoff=100,
            **{TENANT_ID: str(tenant.id), IDEMPOTENCY_KEY: f"{event_id}:test.poison"},
        )
        async with tenant_transaction(tenant.id):
            job = await jobs.record_job(
                message_id=message.message_id, actor=message.actor_name, queue=message.queue_name,
                idempotency_key=f"{event_id}:test.poison", args=list(message.args), kwargs={}, trace_id=None,
            )
        worker.broker.enqueue(message)

        async def failed():
            async with tenant_transaction(tenant.id):
                return await scoped(Job).filter(id=job.id, status=JobStatus.FAILED).first()

        dead = await eventually(failed, what="the job to fail")
        dead_letters = worker.broker.client.zrange(f"{worker.broker.namespace}:automation.XQ", 0, -1)
        poison["failing"] = False
        retried = await graphql.execute(
            "mutation($id: ID!) { retryJob(input: {id: $id}) { job { id status messageId } userErrors { code message } } }",
            {"id": _global("Job", job.id)}, api_key=tenant.api_key,
        )

        async def succeeded():
            async with tenant_transaction(tenant.id):
                return await scoped(Job).filter(id=job.id, status=JobStatus.SUCCEEDED).first()

        healed = await eventually(succeeded, what="the re-driven job to succeed")
        again = await graphql.execute(
            "mutation($id: ID!) { retryJob(input: {id: $id}) { job { id } userErrors { code field } } }",
            {"id": _global("Job", job.id)}, api_key=tenant.api_key,
        )
    with capsys.disabled():
        print(f"\npoison message: {dead.attempts} attempts then failed ({dead.last_error}); dead letters {len(dead_letters)}; "
              f"retryJob -> {retried['retryJob']['job']['status']} -> {healed.status} after {healed.attempts} attempts")
    assert dead.attempts == 3 and dead.last_error == "RuntimeError: the supplier API answered 500"
    assert len(dead_letters) == 1  # Redis keeps it under its own redis_message_id
    assert retried["retryJob"]["userErrors"] == [] and retried["retryJob"]["job"]["messageId"] != message.message_id
    assert effects == [f"healed:{event_id}"] and healed.message_id == retried["retryJob"]["job"]["messageId"]
    assert again["retryJob"]["userErrors"] == [{"code": "JOB_NOT_FAILED", "field": ["input", "id"]}]


def _global(type_name: str, row_id) -> str:
    from strawberry import relay

    return relay.to_base64(type_name, str(row_id))
