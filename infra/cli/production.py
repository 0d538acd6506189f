"""`concord migrate`, `concord serve`, `concord worker`: running Concord in production."""

from __future__ import annotations

import asyncio
import signal
import threading

import typer
from rich.console import Console

from infra.cli.failures import reports_startup_failures
from infra.cli.process import prepare_process
from infra.db import close_database, open_database, run_migrations
from infra.metrics import serve_metrics
from infra.telemetry import shutdown_tracing

console = Console(stderr=True)


@reports_startup_failures
def migrate() -> None:
    """Apply the committed database migrations (run as the schema owner)."""
    settings = prepare_process(role="migrate")
    applied = asyncio.run(run_migrations(settings))
    console.print(f"applied {len(applied)} migration(s): {', '.join(applied) or 'none pending'}")


@reports_startup_failures
def serve(
    host: str | None = typer.Option(None, help="Address to bind (default CONCORD_HOST)."),
    port: int | None = typer.Option(None, help="Port to bind (default CONCORD_PORT)."),
) -> None:
    """Serve the GraphQL API over HTTP (run several behind a load balancer)."""
    import uvicorn

    from api.app import create_app
    from workers.broker import check_broker

    settings = prepare_process(role="api", **_address(host, port))
    asyncio.run(_check_database(settings))
    check_broker(settings)
    config = uvicorn.Config(
        create_app(settings), host=settings.host, port=settings.port, log_config=None, timeout_graceful_shutdown=3
    )
    uvicorn.Server(config).run()
    shutdown_tracing()


@reports_startup_failures
def worker(threads: int | None = typer.Option(None, help="Worker threads (default CONCORD_WORKER_THREADS).")) -> None:
    """Run automation workers that consume the broker's queues."""
    from workers.broker import build_broker, check_broker
    from workers.runtime import start_worker

    settings = prepare_process(role="worker")
    asyncio.run(_check_database(settings))
    check_broker(settings)
    if settings.worker_metrics_port:
        serve_metrics(host=settings.host, port=settings.worker_metrics_port)
    # Each worker process also relays the outbox and claims schedule slots (both safe with several processes).
    runtime = start_worker(
        settings, build_broker(settings), threads=threads or settings.worker_threads, relay=True, scheduler=True
    )
    _wait_for_stop_signal()
    runtime.stop()
    shutdown_tracing()


async def _check_database(settings) -> None:
    await open_database(settings)
    await close_database()


def _address(host: str | None, port: int | None) -> dict[str, object]:
    return {key: value for key, value in (("host", host), ("port", port)) if value is not None}


def _wait_for_stop_signal() -> None:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    while not stop.wait(0.5):
        pass
