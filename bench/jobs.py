"""(c) Jobs: messages per second through Concord's worker against bare Dramatiq actors on the same Redis.

Two figures, each with 4 worker threads in a process of its own:
- no-op: `bench_noop`, a `@tenant_actor` that does nothing, run by Concord's runtime and middleware
  (bench/job_worker.py) and sent with Concord's `enqueue` (which records the job), against a bare
  `@dramatiq.actor` that does nothing;
- real: an interaction logged through the CRM service leaves an event in the outbox; `concord worker`
  relays it, dispatches it and runs the tenant-rules automation, which claims its effect and reads the
  tenant's rules. The baseline sends one bare message per event whose actor makes the same effect in
  SQL (bench/baselines/dramatiq_actors.py).
The messages are queued before the worker starts, and the clock runs from the first message done to
the last, so start-up is not counted. The sides alternate over rounds; the medians are reported.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import asyncpg
import redis

from bench import profiling
from bench.database import REDIS_URL, BenchDatabase, fresh_database
from bench.results import Row
from bench.servers import BIN, Process, concord_env, start
from bench.tenant_data import SeededTenant, add_customers, concord_orm, create_tenant

PAIR = "jobs"
CONCORD_NAMESPACE = "concord-bench"
THREADS = 4


def _clear_redis() -> None:
    client = redis.Redis.from_url(REDIS_URL)
    for namespace in (CONCORD_NAMESPACE, "concord-bench-bare"):
        keys = list(client.scan_iter(f"{namespace}:*"))
        if keys:
            client.delete(*keys)


def _drain_rate(process_factory: Callable[[], Process], key: str, count: int, timeout: float = 300, profile: str | None = None) -> float:
    """Start the worker and time the queue hash `key` (its unacked and queued messages) from its first ack to empty."""
    client = redis.Redis.from_url(REDIS_URL)
    assert client.hlen(key) == count, f"{key} holds {client.hlen(key)} messages, expected {count}"
    with process_factory() as process, profiling.recording(PAIR, {profile: process}, enabled=profile is not None):
        deadline = time.monotonic() + timeout
        first = None
        while time.monotonic() < deadline:
            left = client.hlen(key)
            now = time.perf_counter()
            if first is None and left < count:
                first, first_left = now, left
            if left == 0:
                # The messages left at the first ack were all done between then and now.
                return first_left / (now - first) if now > first else float("inf")
            if process.popen.poll() is not None:
                raise RuntimeError(f"{process.name} exited; see {process.log}")
            time.sleep(0.002)
    raise RuntimeError(f"{key} did not drain in {timeout} s")


async def _owner_fetchval(database: BenchDatabase, sql: str, *args):
    connection = await asyncpg.connect(database.owner_dsn)
    try:
        return await connection.fetchval(sql, *args)
    finally:
        await connection.close()


def _effects_rate(process_factory: Callable[[], Process], database: BenchDatabase, actor: str, since: datetime, count: int,
                  timeout: float = 300, profile: str | None = None) -> float:
    """Start the worker and wait for `count` effects of `actor`; the rate between the first and the last (database clock)."""
    sql = "SELECT count(*) FROM automation_applied_effects WHERE actor = $1 AND created_at > $2"
    with process_factory() as process, profiling.recording(PAIR, {profile: process}, enabled=profile is not None):
        deadline = time.monotonic() + timeout
        while asyncio.run(_owner_fetchval(database, sql, actor, since)) < count:
            if time.monotonic() > deadline:
                raise RuntimeError(f"only {asyncio.run(_owner_fetchval(database, sql, actor, since))} of {count} {actor} effects")
            if process.popen.poll() is not None:
                raise RuntimeError(f"{process.name} exited; see {process.log}")
            time.sleep(0.1)
    seconds = asyncio.run(_owner_fetchval(
        database, "SELECT extract(epoch FROM max(created_at) - min(created_at)) FROM automation_applied_effects"
        " WHERE actor = $1 AND created_at > $2", actor, since,
    ))
    return (count - 1) / float(seconds)


class Producers:
    """Sends the messages, in this process, each side with its own broker (Concord's is built from its settings)."""

    def __init__(self, database: BenchDatabase, tenant: SeededTenant, contact_id: uuid.UUID) -> None:
        from bench.baselines import dramatiq_actors  # declares the bare actors on the bare broker
        from infra.settings import load_settings
        from workers.broker import build_broker

        import dramatiq

        self.database, self.tenant, self.contact_id = database, tenant, contact_id
        self.bare = dramatiq_actors
        settings = load_settings(database_url=database.app_url, broker_url=REDIS_URL, broker_namespace=CONCORD_NAMESPACE)
        self.concord_broker = build_broker(settings)
        dramatiq.set_broker(self.concord_broker)
        from bench.job_worker import declare_noop

        self.concord_noop = declare_noop()

    async def concord_noops(self, count: int) -> None:
        from tenants.context import tenant_transaction
        from workers.enqueue import enqueue

        async with concord_orm(self.database):
            for number in range(count):
                async with tenant_transaction(self.tenant.id):
                    await enqueue(self.concord_noop, number, idempotency_key=f"bench-noop:{uuid.uuid4()}")

    def bare_noops(self, count: int) -> None:
        for number in range(count):
            self.bare.bare_noop.send(number)

    async def concord_events(self, count: int) -> datetime:
        """`count` interactions logged (one outbox event each); returns the time before the first."""
        from domain.crm import service as crm_service
        from domain.crm.models import Channel, Direction
        from tenants.context import tenant_transaction

        since = datetime.now(UTC)
        async with concord_orm(self.database):
            for number in range(count):
                async with tenant_transaction(self.tenant.id):
                    await crm_service.log_interaction(
                        customer_id=self.tenant.customer_ids[0], contact_id=self.contact_id, channel=Channel.PHONE,
                        direction=Direction.INBOUND, subject=f"Call {number}", occurred_at=datetime.now(UTC),
                    )
        return since

    def bare_events(self, count: int) -> datetime:
        since = datetime.now(UTC)
        for _ in range(count):
            self.bare.bare_event.send(str(self.tenant.id), str(uuid.uuid4()), "crm.interaction_logged")
        return since


async def seed(database: BenchDatabase) -> tuple[SeededTenant, uuid.UUID]:
    from domain.crm import service as crm_service
    from tenants.context import tenant_transaction

    async with concord_orm(database):
        tenant = await create_tenant("bench-jobs")
        await add_customers(tenant, 1)
        async with tenant_transaction(tenant.id):
            contact = await crm_service.create_contact(customer_id=tenant.customer_ids[0], first_name="Ann", last_name="Caller")
    # The seeding's own events (customer and contact created) are not part of the measurement.
    connection = await asyncpg.connect(database.owner_dsn)
    try:
        await connection.execute("UPDATE outbox_events SET published_at = now() WHERE published_at IS NULL")
    finally:
        await connection.close()
    return tenant, contact.id


def run(*, quick: bool = False, profile: bool = False, progress: Callable[[str, int, int], None] = lambda *_: None) -> tuple[list[Row], dict]:
    database = asyncio.run(fresh_database(PAIR))
    tenant, contact_id = asyncio.run(seed(database))
    _clear_redis()
    producers = Producers(database, tenant, contact_id)
    handlers = _handlers_per_interaction()
    noops, events, rounds = (500, 100, 1) if quick else (1500, 300, 2)
    env = concord_env(database.app_url, CONCORD_BROKER_NAMESPACE=CONCORD_NAMESPACE, CONCORD_WORKER_THREADS=str(THREADS))
    bare_env = {**os.environ, "CONCORD_BENCH_DATABASE_URL": database.app_url, "CONCORD_BENCH_REDIS_URL": REDIS_URL}
    concord_noop_worker = lambda: start("concord-job-worker", [sys.executable, "-m", "bench.job_worker", "--threads", str(THREADS)], env=env)  # noqa: E731
    concord_worker = lambda: start("concord-worker", [str(BIN / "concord"), "worker"], env=env)  # noqa: E731
    bare_worker = lambda: start("bare-dramatiq", [str(BIN / "dramatiq"), "bench.baselines.dramatiq_actors", "--processes", "1",  # noqa: E731
                                                  "--threads", str(THREADS)], env=bare_env)
    rates: dict[str, list[float]] = {"concord_noop": [], "bare_noop": [], "concord_event": [], "bare_event": []}
    steps, done = rounds * 4, 0

    def step(name: str) -> None:
        nonlocal done
        done += 1
        progress(name, done, steps)

    for round_number in range(rounds):
        # The first round is profiled when asked (a profile per worker kind, not per round).
        named = (lambda name: name) if profile and round_number == 0 else (lambda name: None)
        asyncio.run(producers.concord_noops(noops))
        rates["concord_noop"].append(_drain_rate(concord_noop_worker, f"{CONCORD_NAMESPACE}:bench_noop.msgs", noops, profile=named("concord-noop")))
        step("no-op through Concord")
        producers.bare_noops(noops)
        rates["bare_noop"].append(_drain_rate(bare_worker, "concord-bench-bare:bare_noop.msgs", noops, profile=named("bare-noop")))
        step("bare no-op")
        since = asyncio.run(producers.concord_events(events))
        rates["concord_event"].append(_effects_rate(concord_worker, database, "automation.tenant_rules", since, events * handlers,
                                                    profile=named("concord-event")))
        step("event → outbox → automation")
        since = producers.bare_events(events)
        rates["bare_event"].append(_effects_rate(bare_worker, database, "bare_event", since, events, profile=named("bare-event")))
        step("bare event actor")
    median = {name: statistics.median(values) for name, values in rates.items()}
    rows = [
        Row(PAIR, f"no-op job, {THREADS} threads", "msg/s", median["concord_noop"], median["bare_noop"], "min", 0.7,
            "Concord middleware + job record vs bare actor"),
        Row(PAIR, f"event → outbox → automation, {THREADS} threads", "events/s", median["concord_event"] / handlers, median["bare_event"],
            "min", 0.7, "relay, dispatch, automation vs one bare actor"),
    ]
    return rows, {"rates": rates, "messages": {"noop": noops, "events": events}, "automations_per_event": handlers}


def _handlers_per_interaction() -> int:
    import workers.actors.events  # noqa: F401 - registers the automations
    from workers.automation.registry import handlers_for

    return len(handlers_for("crm.interaction_logged"))
