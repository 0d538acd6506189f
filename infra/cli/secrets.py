"""`concord secrets rotate-key`: re-seal every tenant's secrets under the current secret key."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.progress import Progress

from infra.cli.database_session import run_with_database
from infra.cli.failures import reports_startup_failures
from infra.settings import load_settings

app = typer.Typer(help="The tenants' secrets vault.", no_args_is_help=True)
console = Console(stderr=True)


@app.command("rotate-key")
@reports_startup_failures
def rotate_key() -> None:
    """After setting a new CONCORD_SECRET_KEY (old one in CONCORD_PREVIOUS_SECRET_KEYS), re-seal all secrets with it."""
    from tenants import vault
    from tenants.context import tenant_transaction
    from tenants.models import Tenant

    settings = load_settings()
    keys = vault.VaultKeys.from_settings(settings)

    async def work() -> int:
        tenants = await Tenant.all().order_by("slug")
        resealed = 0
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("Re-sealing secrets", total=len(tenants))
            for tenant in tenants:
                async with tenant_transaction(tenant.id):
                    resealed += await vault.reseal_tenant_secrets(keys=keys)
                progress.advance(task)
        return resealed

    count = run_with_database(settings, work)
    console.print(f"re-sealed {count} secret(s) under the current key; CONCORD_PREVIOUS_SECRET_KEYS can now be cleared")
