"""(b) Small GraphQL reads under 32 concurrent clients: `concord serve` against a bare Starlette endpoint.

Two documents: `{ viewer { tenant { slug } } }` (authentication and the GraphQL machinery, no tenant
data) and `customer(id:) { id name email }` (one row under RLS). The baseline
(bench/baselines/asyncpg_app.py) checks the same API key and reads the same row under the same RLS,
answering the same JSON. The load comes from wrk (or the asyncio fallback) in its own process; the
sides alternate, a few rounds each, and the medians of the rounds are reported.
"""

from __future__ import annotations

import asyncio
import json
import statistics
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from bench import profiling
from bench.customer_360 import canonical
from bench.database import BenchDatabase, fresh_database
from bench.load.generator import LoadResult, run_load
from bench.results import Row
from bench.servers import PeakRss, Process, start_concord_serve, start_uvicorn
from bench.tenant_data import SeededTenant, add_customers, concord_orm, create_tenant

PAIR = "http-load"
CLIENTS = 32
VIEWER = "{ viewer { tenant { slug } } }"
CUSTOMER = "query Customer($id: ID!) { customer(id: $id) { id name email } }"


@dataclass
class Document:
    name: str
    body: dict
    baseline_path: str


def documents(tenant: SeededTenant) -> list[Document]:
    from bench.baselines.asyncpg_app import global_id

    return [
        Document("viewer { tenant { slug } }", {"query": VIEWER}, "/viewer"),
        Document("customer(id:) { id name email }", {"query": CUSTOMER, "variables": {"id": global_id("Customer", tenant.customer_ids[0])}}, "/customer"),
    ]


async def seed(pair: str) -> tuple[BenchDatabase, SeededTenant]:
    database = await fresh_database(pair)
    async with concord_orm(database):
        tenant = await create_tenant("bench-load")
        await add_customers(tenant, 100)
    return database, tenant


def start_servers(database: BenchDatabase) -> dict[str, Process]:
    return {
        "concord": start_concord_serve(database.app_url),
        "baseline": start_uvicorn("baseline-starlette", "bench.baselines.asyncpg_app:create_app", env={"CONCORD_BENCH_DATABASE_URL": database.app_url}),
    }


def check_answers(servers: dict[str, Process], tenant: SeededTenant, document: Document) -> bool:
    headers = {"Authorization": f"Bearer {tenant.api_key}"}
    concord = httpx.post(servers["concord"].url + "/graphql", json=document.body, headers=headers)
    baseline = httpx.post(servers["baseline"].url + document.baseline_path, json=document.body, headers=headers)
    if "errors" in json.loads(concord.content):
        raise RuntimeError(f"Concord answered {document.name} with errors: {concord.text[:300]}")
    return canonical(concord.content) == canonical(baseline.content)


def load_rounds(servers: dict[str, Process], tenant: SeededTenant, document: Document, *, rounds: int, seconds: float,
                progress: Callable[[], None], rss: dict[str, PeakRss] | None = None) -> dict[str, list[LoadResult]]:
    found: dict[str, list[LoadResult]] = {"concord": [], "baseline": []}
    paths = {"concord": "/graphql", "baseline": document.baseline_path}
    for side in found:  # warm-up: connections, prepared statements, caches
        run_load(servers[side].url + paths[side], api_key=tenant.api_key, body=document.body, clients=CLIENTS, seconds=1)
    for round_number in range(rounds):
        order = list(found) if round_number % 2 == 0 else list(reversed(found))
        for side in order:
            found[side].append(run_load(servers[side].url + paths[side], api_key=tenant.api_key, body=document.body,
                                        clients=CLIENTS, seconds=seconds))
            progress()
    return found


def summary(runs: list[LoadResult]) -> dict[str, float]:
    return {
        "rate": statistics.median(run.rate for run in runs),
        "p50_ms": statistics.median(run.p50_ms for run in runs),
        "p99_ms": statistics.median(run.p99_ms for run in runs),
        "failed": sum(run.failed for run in runs),
    }


def run(*, quick: bool = False, profile: bool = False, progress: Callable[[str, int, int], None] = lambda *_: None) -> tuple[list[Row], dict]:
    database, tenant = asyncio.run(seed(PAIR))
    rounds, seconds = (2, 4) if quick else (3, 8)
    servers = start_servers(database)
    rows: list[Row] = []
    details: dict = {"clients": CLIENTS, "rounds": rounds, "seconds_per_run": seconds}
    try:
        docs = documents(tenant)
        total, done = len(docs) * rounds * 2, 0

        def advance() -> None:
            nonlocal done
            done += 1
            progress(f"{CLIENTS} clients", done, total)

        for document in docs:
            same = check_answers(servers, tenant, document)
            with profiling.recording(f"{PAIR}-{document.baseline_path.strip('/')}", servers, enabled=profile):
                runs = load_rounds(servers, tenant, document, rounds=rounds, seconds=seconds, progress=advance)
            c, b = summary(runs["concord"]), summary(runs["baseline"])
            tool = runs["concord"][0].tool
            note = ("same JSON" if same else "ANSWERS DIFFER") + f"; {tool}"
            if c["failed"] or b["failed"]:
                note += f"; failed requests: Concord {c['failed']}, baseline {b['failed']}"
            rows += [
                Row(PAIR, f"{document.name}: req/s", "req/s", c["rate"], b["rate"], "min", 0.5, note),
                Row(PAIR, f"{document.name}: p50", "ms", c["p50_ms"], b["p50_ms"]),
                Row(PAIR, f"{document.name}: p99", "ms", c["p99_ms"], b["p99_ms"], "max", 2),
            ]
            details[document.name] = {"concord": c, "baseline": b, "same_answer": same}
    finally:
        for process in servers.values():
            process.stop()
    return rows, details
