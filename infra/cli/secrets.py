"""`concord secrets rotate-key`: re-seal every tenant's secrets under the current secret key (in the platform's
audit log as `cli:<os user>`, done or failed)."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.progress import Progress

from infra.cli.actor import cli_actor
from infra.cli.database_session import run_with_database
from infra.cli.failures import fail, reports_startup_failures
from infra.settings import load_settings

app = typer.Typer(help="The tenants' secrets vault.", no_args_is_help=True)
console = Console(stderr=True)


@app.command("rotate-key")
@reports_startup_failures
def rotate_key() -> None:
    """After setting a new CONCORD_SECRET_KEY (old one in CONCORD_PREVIOUS_SECRET_KEYS), re-seal all secrets with it."""
    from tenants import vault
    from tenants.audit import platform_act
    from tenants.context import tenant_transaction
    from tenants.models import Tenant

    settings = load_settings()
    keys = vault.VaultKeys.from_settings(settings)
    stopped_at: dict[str, str] = {}

    async def work() -> int:
        # Recorded in the platform's audit log, done or not: each tenant's secrets commit on their own, so a
        # failure names the tenant it stopped at and how many were re-sealed before it.
        async with platform_act(actor=cli_actor(), action="secrets.rotate_key", atomic=False) as act:
            act.target = "vault"
            tenants = await Tenant.all().order_by("slug")
            act.details.update(tenants=len(tenants), resealed=0)
            with Progress(console=console, transient=True) as progress:
                task = progress.add_task("Re-sealing secrets", total=len(tenants))
                for tenant in tenants:
                    try:
                        async with tenant_transaction(tenant.id):
                            act.details["resealed"] += await vault.reseal_tenant_secrets(keys=keys)
                    except Exception:
                        stopped_at["slug"] = tenant.slug
                        act.details.update(failed_tenant=tenant.slug, failed_tenant_id=str(tenant.id))
                        raise
                    progress.advance(task)
            return act.details["resealed"]

    try:
        count = run_with_database(settings, work)
    except vault.SecretUndecryptable as error:
        raise fail(f"tenant {stopped_at.get('slug')}: {error}; the tenants before it are re-sealed", code=1) from None
    console.print(f"re-sealed {count} secret(s) under the current key; CONCORD_PREVIOUS_SECRET_KEYS can now be cleared")
