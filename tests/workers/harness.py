"""A worker on the real Redis broker, on the test's event loop and database, with the outbox relay running."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

import dramatiq
from dramatiq.middleware import Middleware

from infra.settings import Settings
from tests.services import REDIS_URL_ENV, require_service
from workers.broker import build_broker
from workers.runtime import WorkerRuntime, start_worker

QUEUES = ("events", "automation", "webhooks")


class DeliveryCounter(Middleware):
    """Counts the deliveries of each actor's messages (a redelivery counts again)."""

    def __init__(self) -> None:
        self.deliveries: dict[str, int] = {}

    def before_process_message(self, broker: dramatiq.Broker, message: dramatiq.Message) -> None:
        self.deliveries[message.actor_name] = self.deliveries.get(message.actor_name, 0) + 1


@dataclass
class RedisWorker:
    broker: dramatiq.Broker
    runtime: WorkerRuntime
    settings: Settings
    counter: DeliveryCounter


def redis_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"broker_url": require_service(REDIS_URL_ENV)})



@asynccontextmanager
async def redis_worker(settings: Settings, *, relay: bool = True, threads: int = 2) -> AsyncIterator[RedisWorker]:
    """A Redis broker with empty queues and a worker on this loop; stopped and purged afterwards."""
    settings = redis_settings(settings)
    broker = build_broker(settings)
    counter = DeliveryCounter()
    broker.add_middleware(counter)
    for queue in QUEUES:
        broker.declare_queue(queue)
    broker.flush_all()
    runtime = start_worker(settings, broker, threads=threads, loop=asyncio.get_running_loop(), relay=relay, relay_interval=0.1)
    try:
        yield RedisWorker(broker=broker, runtime=runtime, settings=settings, counter=counter)
    finally:
        await asyncio.to_thread(runtime.stop)
        broker.flush_all()
        broker.close()


async def eventually(check: Callable[[], Awaitable[object]], *, timeout: float = 30.0, what: str = "the condition") -> object:
    """Poll `check` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = await check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout:.0f}s")
        await asyncio.sleep(0.1)


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"
