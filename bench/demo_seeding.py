"""How fast `concord demo --size N` seeds on SQLite, against the ORM's bare insert rate measured alongside.

The demo writes every row through the domain services (checks, outbox events, ledger postings), one
statement at a time, as a tenant's users would. The baseline is the cheapest such write on the same
machine at the same moment: one-row `create()` calls of a plain tenant-owned model in one tenant
transaction. Their ratio says what the domain's work costs per row, whatever else the machine is
doing, which a seconds figure alone cannot.

    .venv/bin/python -m bench.demo_seeding --size 1000     # alone, any size
    .venv/bin/python -m bench demo-seeding                 # in the suite: --size 100 (25 with --quick, BENCH_DEMO_SIZE overrides)
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from tortoise import connections

from domain.crm.models import Customer
from infra.db import close_database, open_database, run_migrations
from infra.demo.dataset import DEMO_TENANTS, planned_work, seed_demo
from infra.demo.event_loop import seeding_runner
from infra.demo.generators import AREA_TITLES
from infra.settings import load_settings
from tenants import lifecycle as tenant_lifecycle
from tenants.context import tenant_transaction
from tenants.ownership import create_owned

BASELINE_ROWS = 20_000
PAIR = "demo-seeding"
console = Console()


async def _all_rows() -> int:
    client = connections.get("default")
    _, tables = await client.execute_query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    total = 0
    for table in tables:
        _, rows = await client.execute_query(f'SELECT count(*) AS n FROM "{table["name"]}"')
        total += rows[0]["n"]
    return total


async def _seed(size: int, report: Callable[[str, int], None] | None) -> tuple[int, float]:
    """Rows the demo wrote for `size` customers per tenant, and the seconds it took; `report(area, units)`
    hears its progress (else a progress bar of its own shows it)."""
    before = await _all_rows()
    with contextlib.ExitStack() as stack:
        if report is None:
            progress = stack.enter_context(Progress(console=console, transient=True))
            tasks = {area: progress.add_task(AREA_TITLES[area], total=units) for area, units in planned_work(size).items()}
            report = lambda area, units: progress.advance(tasks[area], units)  # noqa: E731
        started = time.perf_counter()
        await seed_demo(customers_per_tenant=size, progress=report)
        seconds = time.perf_counter() - started
    return await _all_rows() - before, seconds


async def _baseline(tenant_id: uuid.UUID, rows: int, label: str) -> float:
    """Seconds for `rows` one-row inserts of a plain tenant-owned model, in one tenant transaction."""
    started = time.perf_counter()
    async with tenant_transaction(tenant_id):
        for number in range(rows):
            await create_owned(Customer, name=f"Baseline customer {label} {number}")
    return time.perf_counter() - started


async def _measure(database_url: str, size: int, report: Callable[[str, int], None] | None) -> dict[str, float]:
    """The demo's rows and rate, and the baseline rate: half of it before the seed and half after, so a
    machine that got busier or quieter meanwhile weighs on both."""
    settings = load_settings(database_url=database_url, broker_url="stub://")
    await run_migrations(settings)
    await open_database(settings)
    try:
        baseline = (await tenant_lifecycle.create_tenant(slug="bench-baseline", name="Baseline")).tenant.id
        before = await _baseline(baseline, BASELINE_ROWS // 2, "before")
        rows, seconds = await _seed(size, report)
        after = await _baseline(baseline, BASELINE_ROWS // 2, "after")
    finally:
        await close_database()
    return {"rows": rows, "seconds": seconds, "rate": rows / seconds, "baseline_rate": BASELINE_ROWS / (before + after)}


def measure(size: int, report: Callable[[str, int], None] | None = None) -> dict[str, float]:
    """The demo's rows, seconds and rate at `size` on a scratch SQLite database, with the baseline rate."""
    with tempfile.TemporaryDirectory() as directory, seeding_runner() as runner:
        return runner.run(_measure(f"sqlite://{Path(directory) / 'bench.sqlite3'}", size, report))


def run(*, quick: bool = False, profile: bool = False, progress=lambda *_: None):
    """The suite's row: the demo's rows/s against the ORM's bare one-row inserts (target: at least half)."""
    from bench.results import Row

    size = int(os.environ.get("BENCH_DEMO_SIZE") or (25 if quick else 100))
    total, done = sum(planned_work(size).values()), 0

    def report(area: str, units: int) -> None:
        nonlocal done
        done += units
        progress(f"demo --size {size} on SQLite", done, total)

    from bench import profiling

    with profiling.recording(PAIR, {"concord": os.getpid()}, enabled=profile):
        figures = measure(size, report)
    customers = size * len(DEMO_TENANTS)
    note = f"--size {size}: {figures['rows']:,} rows, {figures['rows'] / customers:.0f} per customer, {figures['seconds']:.0f} s"
    rows = [Row(PAIR, "demo seeding rate", "rows/s", figures["rate"], figures["baseline_rate"], "min", 0.5, note)]
    return rows, {"size": size, **figures}


def main(size: int = typer.Option(1000, "--size", min=1, help="Customers per demo tenant.")) -> None:
    """Seed the demo at --size into a scratch SQLite database and print its rate against the baseline."""
    figures = measure(size)
    customers = size * len(DEMO_TENANTS)
    table = Table(title=f"demo --size {size} on SQLite")
    for column in ("rows", "seconds", "rows/s", "rows per customer", "baseline rows/s", "demo ÷ baseline"):
        table.add_column(column, justify="right")
    table.add_row(
        f"{figures['rows']:,}", f"{figures['seconds']:.1f}", f"{figures['rate']:,.0f}", f"{figures['rows'] / customers:.0f}",
        f"{figures['baseline_rate']:,.0f}", f"{figures['rate'] / figures['baseline_rate']:.2f}",
    )
    console.print(table)


if __name__ == "__main__":
    typer.run(main)
