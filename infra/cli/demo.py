"""`concord demo`: the whole product in one process, on SQLite and the in-process broker."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from starlette.routing import Mount

from infra.cli.failures import reports_startup_failures
from infra.cli.process import prepare_process
from infra.db import close_database, open_database, run_migrations
from infra.demo.credentials import credentials_path, load_credentials, save_credentials
from infra.demo.dataset import DEMO_TENANTS, planned_work, seed_demo
from infra.demo.event_loop import seeding_runner
from infra.demo.generators import AREA_TITLES
from infra.settings import Settings
from infra.telemetry import shutdown_tracing

console = Console()
DEFAULT_DEMO_DATABASE = "sqlite://var/concord.sqlite3"


@reports_startup_failures
def demo(
    size: int = typer.Option(200, "--size", min=1, help="Customers per demo tenant on first start; everything else scales with it."),
    host: str | None = typer.Option(None, help="Address to bind (default CONCORD_HOST)."),
    port: int | None = typer.Option(None, help="Port to bind (default CONCORD_PORT)."),
) -> None:
    """Run Concord with demo data for tenants acme and globex; Ctrl-C stops it."""
    import uvicorn

    from api.app import create_app

    overrides = {key: value for key, value in (("host", host), ("port", port)) if value is not None}
    settings = prepare_process(role="demo", **overrides)
    if not settings.database_url.startswith("sqlite"):
        console.print("[yellow]note:[/] the demo runs on CONCORD_DATABASE_URL, which is not SQLite")
    asyncio.run(run_migrations(settings))
    with seeding_runner() as runner:
        keys = runner.run(_seed_once(settings, size))
    _print_welcome(settings, keys)
    app = create_app(settings, lifespan_extension=_in_process_worker(settings), extra_routes=[_sandbox_portals()])
    config = uvicorn.Config(app, host=settings.host, port=settings.port, log_config=None, timeout_graceful_shutdown=2)
    uvicorn.Server(config).run()
    shutdown_tracing()
    console.print("demo stopped; data kept under ./var")


async def _seed_once(settings: Settings, size: int) -> dict[str, str]:
    """Seed on the first start only; later starts reuse the data and the saved keys."""
    path = credentials_path(_database_file(settings))
    await open_database(settings)
    try:
        from tenants import lifecycle as tenant_lifecycle

        if await tenant_lifecycle.get_tenant_by_slug(slug=DEMO_TENANTS[0].slug) is not None:
            return load_credentials(path)
        started = time.monotonic()
        with Progress(console=console, transient=True) as progress:
            tasks = {area: progress.add_task(AREA_TITLES[area], total=units) for area, units in planned_work(size).items()}
            keys = await seed_demo(customers_per_tenant=size, progress=lambda area, units: progress.advance(tasks[area], units))
        console.print(f"Loaded the demo data ({size} customers per tenant) in {time.monotonic() - started:.0f}s")
        from workers.outbox_relay import settle_history

        await settle_history()  # the seed is history: its events must not start today's automations
        save_credentials(path, keys)
        return keys
    finally:
        await close_database()


def _database_file(settings: Settings) -> Path:
    path = settings.database_url.removeprefix("sqlite://")
    return Path(path if settings.database_url.startswith("sqlite") and path else "var/concord.sqlite3")


def _in_process_worker(settings: Settings):
    @asynccontextmanager
    async def run_worker() -> AsyncIterator[None]:
        from workers.broker import build_broker
        from workers.runtime import start_worker

        runtime = start_worker(
            settings, build_broker(settings), threads=settings.worker_threads, loop=asyncio.get_running_loop(),
            relay=True, scheduler=True,
        )
        try:
            yield
        finally:
            # Worker threads wait on this loop, so stop them from another thread.
            await asyncio.to_thread(runtime.stop)

    return run_worker


def _sandbox_portals() -> Mount:
    """The tax, bank and supplier sandboxes at /portals, with accounts for the demo tenants."""
    from infra.portals import create_portals_app, demo_accounts

    return Mount("/portals", app=create_portals_app(demo_accounts([demo.slug for demo in DEMO_TENANTS])))


def _print_welcome(settings: Settings, keys: dict[str, str]) -> None:
    base = f"http://{settings.host}:{settings.port}"
    table = Table(title="Concord demo", show_lines=False)
    table.add_column("tenant")
    table.add_column("API key (Authorization: Bearer …)")
    for slug, key in keys.items():
        table.add_row(slug, key)
    console.print(table)
    console.print(f"GraphiQL: {base}/graphql   health: {base}/healthz   ready: {base}/readyz")
    console.print(f"Sandbox portals (tax, bank, supplier): {base}/portals/")
    console.print("Press Ctrl-C to stop.")
