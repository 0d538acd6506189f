"""The jobs pair's baseline: bare Dramatiq actors on the same Redis, no Concord middleware.

`bare_noop` does nothing. `bare_event` makes the effect Concord's event automation makes for an
interaction event (bench/jobs.py): in one transaction as the app role with `app.tenant_id` set, it
claims the effect once under its idempotency key and reads the tenant's enabled rules for the event
type, with asyncpg on Dramatiq's own event loop.

    CONCORD_BENCH_DATABASE_URL=… dramatiq bench.baselines.dramatiq_actors --processes 1 --threads 4
"""

from __future__ import annotations

import os
import uuid

import asyncpg
import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import AsyncIO

NAMESPACE = "concord-bench-bare"
broker = RedisBroker(url=os.environ.get("CONCORD_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13"), namespace=NAMESPACE)
broker.add_middleware(AsyncIO())
dramatiq.set_broker(broker)
_pool: asyncpg.Pool | None = None


async def pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(os.environ["CONCORD_BENCH_DATABASE_URL"].replace("postgres://", "postgresql://", 1), max_size=10)
    return _pool


@dramatiq.actor(queue_name="bare_noop", max_retries=0)
def bare_noop(number: int) -> None:
    """Nothing."""


@dramatiq.actor(queue_name="bare_event", max_retries=0)
async def bare_event(tenant_id: str, event_id: str, event_type: str) -> None:
    key = f"{event_id}:bare_event"
    async with (await pool()).acquire() as connection, connection.transaction():
        await connection.execute("SELECT set_config('app.tenant_id', $1, true)", tenant_id)
        if await connection.fetchval("SELECT 1 FROM automation_applied_effects WHERE idempotency_key = $1", key):
            return
        await connection.execute(
            "INSERT INTO automation_applied_effects (id, created_at, updated_at, idempotency_key, actor, tenant_id)"
            " VALUES ($1, now(), now(), $2, 'bare_event', $3)", uuid.uuid4(), key, uuid.UUID(tenant_id),
        )
        await connection.fetch(
            "SELECT * FROM automation_rules WHERE event_type = $1 AND enabled ORDER BY name, id", event_type
        )
