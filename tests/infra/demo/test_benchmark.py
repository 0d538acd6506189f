"""How fast the demo seeds at `--size 1000` on SQLite, on the event loop `concord demo` seeds on,
printed as rows per second and rows per customer. A measurement, not a limit."""

from __future__ import annotations

import asyncio
import time

from infra.db import close_database, open_database
from infra.demo.dataset import DEMO_TENANTS, seed_demo
from infra.demo.event_loop import seeding_runner
from infra.settings import load_settings
from tenants import lifecycle as tenant_lifecycle
from tests.databases import migrate, sqlite_database
from tests.infra.demo.seeding import AS_OF, fingerprint

BENCHMARK_SIZE = 1000


async def seed_and_count(database_url: str) -> tuple[int, float, float]:
    """Rows seeded, and the seconds it took on the clock and on the CPU (the process's threads)."""
    await open_database(load_settings(database_url=database_url, broker_url="stub://"))
    try:
        started, cpu_started = time.monotonic(), time.process_time()
        await seed_demo(customers_per_tenant=BENCHMARK_SIZE, as_of=AS_OF)
        seconds, cpu_seconds = time.monotonic() - started, time.process_time() - cpu_started
        rows = 0
        for demo_tenant in DEMO_TENANTS:
            tenant = await tenant_lifecycle.get_tenant_by_slug(slug=demo_tenant.slug)
            rows += sum((await fingerprint(tenant.id))["rows"].values())
        return rows, seconds, cpu_seconds
    finally:
        await close_database()


def test_seeding_a_thousand_customers_per_tenant_prints_its_rows_per_second(tmp_path, capsys):
    database = sqlite_database(tmp_path)
    asyncio.run(migrate(database))
    with seeding_runner() as runner:
        rows, seconds, cpu_seconds = runner.run(seed_and_count(database.url))

    with capsys.disabled():
        print(
            f"\ndemo --size {BENCHMARK_SIZE}: {rows} rows in {seconds:.1f}s ({cpu_seconds:.1f}s CPU), "
            f"{rows / seconds:.0f} rows/s on SQLite, {rows / (BENCHMARK_SIZE * len(DEMO_TENANTS)):.0f} rows per customer"
        )
    assert rows > BENCHMARK_SIZE * len(DEMO_TENANTS)
