"""The broker named by CONCORD_BROKER_URL carries messages to workers: in-process, Redis and RabbitMQ."""

from __future__ import annotations

import asyncio
import threading
import uuid

import dramatiq
import pytest

from infra.db import close_database, open_database
from infra.settings import load_settings
from tests.conftest import make_tenant
from tests.services import RABBITMQ_URL_ENV, REDIS_URL_ENV, require_service
from workers.broker import build_broker
from workers.message_options import TENANT_ID
from workers.runtime import start_worker


@pytest.fixture(params=["stub", "redis", "rabbitmq"])
def broker_url(request) -> str:
    if request.param == "stub":
        return "stub://"
    return require_service({"redis": REDIS_URL_ENV, "rabbitmq": RABBITMQ_URL_ENV}[request.param])


def tenant_in_new_database(tmp_path, migrated_templates) -> tuple[str, uuid.UUID]:
    database = migrated_templates.clone("sqlite", tmp_path)

    async def prepare() -> uuid.UUID:
        await open_database(load_settings(database_url=database.url))
        try:
            return (await make_tenant("Broker Test")).id
        finally:
            await close_database()

    return database.url, asyncio.run(prepare())


def test_a_worker_runs_sync_and_async_actors_from_the_broker(broker_url, tmp_path, migrated_templates):
    database_url, tenant_id = tenant_in_new_database(tmp_path, migrated_templates)
    settings = load_settings(broker_url=broker_url, database_url=database_url)
    broker = build_broker(settings)
    queue = f"test-{uuid.uuid4().hex[:8]}"
    received: list[str] = []
    done = threading.Event()

    def record(value: str) -> None:
        received.append(value)
        if len(received) == 2:
            done.set()

    async def record_async(value: str) -> None:
        record(value)

    sync_actor = dramatiq.actor(record, broker=broker, queue_name=queue, actor_name=f"{queue}-sync", max_retries=0)
    async_actor = dramatiq.actor(record_async, broker=broker, queue_name=queue, actor_name=f"{queue}-async", max_retries=0)
    runtime = start_worker(settings, broker, threads=2)
    try:
        sync_actor.send_with_options(args=("from a thread",), **{TENANT_ID: str(tenant_id)})
        async_actor.send_with_options(args=("from the event loop",), **{TENANT_ID: str(tenant_id)})
        assert done.wait(timeout=30), f"only {received} arrived"
    finally:
        runtime.stop()
        if hasattr(broker, "delete_queue"):
            broker.delete_queue(queue)
        broker.close()

    assert sorted(received) == ["from a thread", "from the event loop"]
