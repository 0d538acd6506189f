"""(a) The Customer 360 page: Concord's GraphQL answer against a hand-written asyncpg + JSON endpoint.

One tenant, 50 customers, each with 6 deals, sales orders, issued invoices, tickets and contracts;
the page asks for the first 5 of each list with its total. The baseline (bench/baselines/asyncpg_app.py)
authenticates the same API key and reads under the same RLS, with one windowed query per list, and
must answer the very same JSON (checked after a canonical dump, for 5 and for 50 customers).

Measured: median latency and server CPU time per request (from /proc, the server process only),
requests interleaved in rounds; and the SQL statements PostgreSQL ran for one page of 5 and of 50.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections.abc import Callable

import httpx

from bench import profiling
from bench.database import BenchDatabase, StatementLog, fresh_database
from bench.results import Row
from bench.servers import Process, start_concord_serve, start_uvicorn
from bench.tenant_data import SeededTenant, add_customers, concord_orm, create_tenant

PAIR = "customer-360"
CUSTOMERS = 50
EACH = 6

CUSTOMER_360 = """
query Customer360($first: Int!) {
  customers(first: $first, orderBy: {field: NAME}) {
    totalCount
    edges { node {
      id name email
      deals(first: 5) { totalCount edges { node { id name status amount { amount currency } } } }
      orders(first: 5) { totalCount edges { node { id number status total { amount currency } } } }
      invoices(first: 5) { totalCount edges { node { id number status total { amount currency } dueDate } } }
      tickets(first: 5) { totalCount edges { node { id number status priority } } }
      contracts(first: 5) { totalCount edges { node { id number title status } } }
    } }
  }
}
"""


def canonical(body: bytes) -> bytes:
    return json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()


class Endpoint:
    """One side of the pair: where to POST the page, and the server process that answers it."""

    def __init__(self, process: Process, path: str, api_key: str) -> None:
        self.process = process
        self.url = process.url + path
        self.client = httpx.Client(headers={"Authorization": f"Bearer {api_key}"}, timeout=60)

    def page(self, first: int) -> bytes:
        response = self.client.post(self.url, json={"query": CUSTOMER_360, "variables": {"first": first}})
        response.raise_for_status()
        return response.content

    def close(self) -> None:
        self.client.close()


def start_pair(database: BenchDatabase, tenant: SeededTenant) -> tuple[Endpoint, Endpoint]:
    concord = start_concord_serve(database.app_url)
    baseline = start_uvicorn("baseline-asyncpg", "bench.baselines.asyncpg_app:create_app", env={"CONCORD_BENCH_DATABASE_URL": database.app_url})
    return Endpoint(concord, "/graphql", tenant.api_key), Endpoint(baseline, "/customer-360", tenant.api_key)


def stop_pair(*endpoints: Endpoint) -> None:
    for endpoint in endpoints:
        endpoint.close()
        endpoint.process.stop()


async def seed(progress: Callable[[str, int, int], None]) -> tuple[BenchDatabase, SeededTenant]:
    database = await fresh_database(PAIR)
    async with concord_orm(database):
        tenant = await create_tenant("bench-360")
        done = 0

        def advance(step: int) -> None:
            nonlocal done
            done += step
            progress("seeding 50 customers × 6 of each list", done, CUSTOMERS)

        await add_customers(tenant, CUSTOMERS, each=EACH, progress=advance)
    return database, tenant


def count_statements(database: BenchDatabase, tenant: SeededTenant) -> dict[str, dict[int, int | None]]:
    """Statements per page for 5 and 50 customers on each side, with servers started under log_statement=all."""
    log = StatementLog(database)
    if not log.available:
        return {"concord": {5: None, 50: None}, "baseline": {5: None, 50: None}, "identical": {}}
    asyncio.run(log.enable())
    concord, baseline = start_pair(database, tenant)
    counts: dict[str, dict[int, int | None]] = {"concord": {}, "baseline": {}}
    identical: dict[int, bool] = {}
    try:
        for first in (5, 50):
            identical[first] = canonical(concord.page(first)) == canonical(baseline.page(first))
            for name, endpoint in (("concord", concord), ("baseline", baseline)):
                endpoint.page(first)  # warm: prepared statements, loaders' imports
                time.sleep(0.3)
                log.mark()
                endpoint.page(first)
                time.sleep(0.5)  # the server's log is written asynchronously
                counts[name][first] = len(log.statements())
    finally:
        stop_pair(concord, baseline)
        asyncio.run(log.disable())
    counts["identical"] = identical
    return counts


def measure_latency(database: BenchDatabase, tenant: SeededTenant, *, rounds: int, per_round: int, profile: bool,
                    progress: Callable[[str, int, int], None]) -> dict[str, dict[str, float]]:
    concord, baseline = start_pair(database, tenant)
    sides = {"concord": concord, "baseline": baseline}
    latencies: dict[str, list[float]] = {name: [] for name in sides}
    cpu: dict[str, float] = {name: 0.0 for name in sides}
    identical = canonical(concord.page(CUSTOMERS)) == canonical(baseline.page(CUSTOMERS))
    try:
        for endpoint in sides.values():
            for _ in range(5):
                endpoint.page(CUSTOMERS)
        with profiling.recording(PAIR, {name: endpoint.process for name, endpoint in sides.items()}, enabled=profile):
            for round_number in range(rounds):
                # Alternate which side goes first, so a drift of the machine weighs on both.
                order = list(sides.items()) if round_number % 2 == 0 else list(reversed(sides.items()))
                for name, endpoint in order:
                    before = endpoint.process.cpu_seconds()
                    for _ in range(per_round):
                        started = time.perf_counter()
                        endpoint.page(CUSTOMERS)
                        latencies[name].append(time.perf_counter() - started)
                    cpu[name] += endpoint.process.cpu_seconds() - before
                progress("latency rounds", round_number + 1, rounds)
    finally:
        stop_pair(concord, baseline)
    return {
        name: {
            "median_ms": statistics.median(values) * 1000,
            "p90_ms": statistics.quantiles(values, n=10)[-1] * 1000,
            "cpu_ms_per_request": cpu[name] / len(values) * 1000,
            "requests": len(values),
        }
        for name, values in latencies.items()
    } | {"identical_50": identical}


def run(*, quick: bool = False, profile: bool = False, progress: Callable[[str, int, int], None] = lambda *_: None) -> tuple[list[Row], dict]:
    database, tenant = asyncio.run(seed(progress))
    statements = count_statements(database, tenant)
    timing = measure_latency(database, tenant, rounds=2 if quick else 4, per_round=3 if quick else 5, profile=profile, progress=progress)
    identical = all(statements["identical"].values()) and timing["identical_50"] if statements["identical"] else timing["identical_50"]
    same = "same JSON bytes" if identical else "ANSWERS DIFFER"
    c, b = timing["concord"], timing["baseline"]
    rows = [
        Row(PAIR, "median latency, 50 customers", "ms", c["median_ms"], b["median_ms"], "max", 2, same),
        Row(PAIR, "server CPU per request", "ms", c["cpu_ms_per_request"], b["cpu_ms_per_request"], "max", 3),
    ]
    for first in (5, 50):
        rows.append(Row(PAIR, f"SQL statements, {first} customers", "", statements["concord"][first], statements["baseline"][first],
                        note="from the PostgreSQL log" if statements["concord"][first] is not None else "log unreadable"))
    growth = {
        side: counts[50] / counts[5] if counts.get(5) and counts.get(50) is not None else None
        for side, counts in statements.items() if side != "identical"
    }
    rows.append(Row(PAIR, "statements at 50 ÷ at 5 customers", "", growth["concord"], growth["baseline"], "max", 1,
                    "1.00 = flat in page size"))
    return rows, {"timing": timing, "statements": statements}
