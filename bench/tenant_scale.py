"""(e) Tenant scale: one tenant's customer list with 10 and with 1,000 tenants loaded, and the
database load of an idle deployment (the worker's outbox relay and scheduler, the API's subscriptions)
as tenants and idle subscribers grow.

- p95 latency of `customers(first: 20) { edges { node { id name } } }` for one tenant, sequential
  requests to `concord serve` and, alongside, to the Starlette endpoint doing the same read; first with
  10 tenants of 50 customers each (seeded through the services), then with 990 more loaded in bulk by SQL.
- Database load over an idle window: transactions committed and rows returned per second in
  pg_stat_database for the bench database, with `concord serve` and `concord worker` running:
  10 tenants; 1,000 tenants; 1,000 tenants and 500 idle graphql-transport-ws subscribers.
The "baseline" of a flatness row is the same deployment before the growth.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import asyncpg
import httpx

from bench import profiling
from bench.database import ROOT, BenchDatabase, fresh_database
from bench.results import Row
from bench.servers import BIN, Process, concord_env, start, start_concord_serve, start_uvicorn
from bench.tenant_data import SeededTenant, add_customers, concord_orm, create_tenant

PAIR = "tenant-scale"
CUSTOMERS = 50
LIST = "{ customers(first: 20) { edges { node { id name } } } }"


async def seed_tenants(database: BenchDatabase, count: int) -> list[SeededTenant]:
    async with concord_orm(database):
        tenants = []
        for number in range(count):
            tenant = await create_tenant(f"bench-scale-{number:04d}")
            await add_customers(tenant, CUSTOMERS)
            tenants.append(tenant)
    return tenants


async def bulk_tenants(database: BenchDatabase, start_number: int, end_number: int) -> None:
    """Tenants `start_number`…`end_number - 1` with 50 customers each, loaded by SQL as the owner (seconds, not minutes)."""
    connection = await asyncpg.connect(database.owner_dsn)
    try:
        await connection.execute(
            "INSERT INTO tenants (id, slug, name, status, created_at, partner_scopes)"
            " SELECT gen_random_uuid(), 'bench-bulk-' || g, 'Bench ' || g, 'active', now(), '[]'::jsonb FROM generate_series($1::int, $2::int) g",
            start_number, end_number - 1,
        )
        await connection.execute(
            "INSERT INTO crm_customers (id, created_at, updated_at, name, email, tenant_id)"
            " SELECT gen_random_uuid(), now() - c * interval '1 minute', now(), 'Customer ' || c, 'c' || c || '@example.com', t.id"
            " FROM tenants t CROSS JOIN generate_series(1, $1::int) c WHERE t.slug LIKE 'bench-bulk-%'",
            CUSTOMERS,
        )
        await connection.execute("ANALYZE")
    finally:
        await connection.close()


async def database_counters(database: BenchDatabase) -> tuple[int, int]:
    connection = await asyncpg.connect(database.owner_dsn)
    try:
        row = await connection.fetchrow("SELECT xact_commit, tup_returned FROM pg_stat_database WHERE datname = $1", database.name)
        return row["xact_commit"], row["tup_returned"]
    finally:
        await connection.close()


def database_load(database: BenchDatabase, seconds: float) -> dict[str, float]:
    """Commits and rows returned per second over `seconds` of whatever runs now."""
    time.sleep(1.5)  # let backends flush the statistics of what came before
    commits, rows = asyncio.run(database_counters(database))
    time.sleep(seconds)
    later_commits, later_rows = asyncio.run(database_counters(database))
    # Our own two statistics reads are one commit each; they are left in, at 0.1/s they do not matter.
    return {"commits_per_s": (later_commits - commits) / seconds, "rows_per_s": (later_rows - rows) / seconds}


def p95_latencies(concord: Process, baseline: Process, tenant: SeededTenant, requests: int) -> dict[str, float]:
    headers = {"Authorization": f"Bearer {tenant.api_key}"}
    sides = {"concord": concord.url + "/graphql", "baseline": baseline.url + "/customers"}
    found: dict[str, list[float]] = {side: [] for side in sides}
    with httpx.Client(headers=headers, timeout=30) as client:
        for url in sides.values():
            for _ in range(5):
                client.post(url, json={"query": LIST}).raise_for_status()
        for round_number in range(requests // 10):
            for side, url in sides.items() if round_number % 2 == 0 else reversed(list(sides.items())):
                for _ in range(10):
                    started = time.perf_counter()
                    response = client.post(url, json={"query": LIST})
                    found[side].append(time.perf_counter() - started)
                    response.raise_for_status()
    return {side: statistics.quantiles(values, n=20)[-1] * 1000 for side, values in found.items()}


def start_subscribers(serve: Process, tenants: list[SeededTenant], count: int) -> subprocess.Popen:
    url = serve.url.replace("http://", "ws://") + "/graphql"
    env = {**os.environ, "BENCH_API_KEYS": ",".join(tenant.api_key for tenant in tenants)}
    process = subprocess.Popen([sys.executable, "-m", "bench.load.ws_subscribers", url, "--subscribers", str(count)],
                               env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if not line.startswith("READY"):
        process.kill()
        raise RuntimeError(f"subscribers did not connect: {line}{process.stderr.read()[-2000:]}")
    return process


def run(*, quick: bool = False, profile: bool = False, progress: Callable[[str, int, int], None] = lambda *_: None) -> tuple[list[Row], dict]:
    window, requests, subscribers = (8, 60, 500) if quick else (15, 100, 500)
    progress("seeding 10 tenants", 0, 6)
    database = asyncio.run(fresh_database(PAIR))
    tenants = asyncio.run(seed_tenants(database, 10))
    serve = start_concord_serve(database.app_url)
    baseline = start_uvicorn("baseline-starlette", "bench.baselines.asyncpg_app:create_app", env={"CONCORD_BENCH_DATABASE_URL": database.app_url})
    worker = start("concord-worker", [str(BIN / "concord"), "worker"], env=concord_env(database.app_url))
    subscriber_process = None
    recording = profiling.recording(PAIR, {"concord-serve": serve, "concord-worker": worker}, enabled=profile)
    recording.__enter__()
    try:
        progress("p95 with 10 tenants", 1, 6)
        small = p95_latencies(serve, baseline, tenants[0], requests)
        progress("idle load, 10 tenants", 2, 6)
        load_small = database_load(database, window)
        progress("loading 990 more tenants", 3, 6)
        asyncio.run(bulk_tenants(database, 10, 1000))
        large = p95_latencies(serve, baseline, tenants[0], requests)
        progress("idle load, 1,000 tenants", 4, 6)
        load_large = database_load(database, window)
        progress(f"idle load, {subscribers} subscribers", 5, 6)
        connecting = time.perf_counter()
        subscriber_process = start_subscribers(serve, tenants, subscribers)
        connect_seconds = time.perf_counter() - connecting
        load_subscribed = database_load(database, window)
    finally:
        recording.__exit__(None, None, None)
        if subscriber_process is not None:
            subscriber_process.terminate()
            subscriber_process.wait(timeout=30)
        for process in (serve, baseline, worker):
            process.stop()
    rows = [
        Row(PAIR, "customer list p95, 1,000 vs 10 tenants", "ms", large["concord"], small["concord"], "max", 1.2,
            f"bare endpoint: {small['baseline']:.1f} → {large['baseline']:.1f} ms"),
        Row(PAIR, "customer list p95 at 1,000 tenants vs bare", "ms", large["concord"], large["baseline"]),
        Row(PAIR, "idle commits/s, 1,000 vs 10 tenants", "/s", load_large["commits_per_s"], load_small["commits_per_s"], "max", 1.2,
            "serve + worker (relay, scheduler), pg_stat_database"),
        Row(PAIR, "idle rows read/s, 1,000 vs 10 tenants", "/s", load_large["rows_per_s"], load_small["rows_per_s"], "max", 1.2),
        Row(PAIR, f"commits/s, {subscribers} idle subscribers vs none", "/s", load_subscribed["commits_per_s"], load_large["commits_per_s"],
            "max", 1.2, f"1,000 tenants; graphql-transport-ws; all connected in {connect_seconds:.0f} s"),
        Row(PAIR, f"rows read/s, {subscribers} idle subscribers vs none", "/s", load_subscribed["rows_per_s"], load_large["rows_per_s"], "max", 1.2),
    ]
    details = {"p95_ms": {"10_tenants": small, "1000_tenants": large},
               "load": {"10_tenants": load_small, "1000_tenants": load_large, "1000_tenants_subscribed": load_subscribed},
               "window_seconds": window, "subscribers": subscribers, "subscribers_connect_seconds": connect_seconds}
    return rows, details
