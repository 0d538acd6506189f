"""`concord portals`: the sandbox legacy portals (tax, bank, supplier) on their own."""

from __future__ import annotations

import typer

from infra.cli.failures import reports_startup_failures
from infra.demo.dataset import DEMO_TENANTS


@reports_startup_failures
def portals(
    host: str = typer.Option("127.0.0.1", help="Address to bind."),
    port: int = typer.Option(8100, help="Port to bind."),
    tenant: list[str] = typer.Option(None, "--tenant", help="Tenant slugs to make portal accounts for (default: the demo's)."),
    seed: int = typer.Option(0, help="Seed of the portals' data and failure switches."),
) -> None:
    """Serve the sandbox tax, bank and supplier portals the bots are tested against."""
    import uvicorn

    from infra.portals import create_portals_app, demo_accounts

    slugs = tenant or [demo.slug for demo in DEMO_TENANTS]
    app = create_portals_app(demo_accounts(slugs), seed=seed)
    typer.echo(f"sandbox portals on http://{host}:{port}/ (tax, bank, supplier) for {', '.join(slugs)}")
    uvicorn.run(app, host=host, port=port, log_config=None, timeout_graceful_shutdown=2)
