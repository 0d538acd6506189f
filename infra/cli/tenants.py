"""`concord tenants …`: creating, suspending, exporting and deleting tenants, each in the platform's audit log as
`cli:<os user>` (done, refused or failed)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress

from infra.cli.actor import cli_actor
from infra.cli.database_session import run_with_database
from infra.cli.failures import fail, reports_startup_failures
from infra.settings import load_settings

app = typer.Typer(help="Create and administer tenants.", no_args_is_help=True)
console = Console(stderr=True)


def _tenant_errors(work):
    """Run `work`, turning a TenantError into one line on stderr and exit 1."""
    from tenants.errors import TenantError

    try:
        return work()
    except TenantError as error:
        raise fail(f"{error.field + ': ' if error.field else ''}{error.message}", code=1) from None


@app.command("create")
@reports_startup_failures
def create(slug: str, name: str = typer.Option(..., "--name", help="The company's display name.")) -> None:
    """Create a tenant and print it with its first admin API key, as one JSON object."""
    from tenants import lifecycle

    created = _tenant_errors(lambda: run_with_database(load_settings(), lambda: lifecycle.create_tenant(slug=slug, name=name, actor=cli_actor())))
    tenant = created.tenant
    typer.echo(json.dumps({"tenant": {"id": str(tenant.id), "slug": tenant.slug, "name": tenant.name}, "api_key": created.api_key}))


@app.command("suspend")
@reports_startup_failures
def suspend(slug: str) -> None:
    """Suspend a tenant: its requests answer TENANT_SUSPENDED and its jobs and bot runs pause."""
    from tenants import lifecycle

    _tenant_errors(lambda: run_with_database(load_settings(), lambda: lifecycle.suspend_tenant(slug=slug, actor=cli_actor())))
    console.print(f"tenant {slug} suspended")


@app.command("resume")
@reports_startup_failures
def resume(slug: str) -> None:
    """Lift a tenant's suspension."""
    from tenants import lifecycle

    _tenant_errors(lambda: run_with_database(load_settings(), lambda: lifecycle.resume_tenant(slug=slug, actor=cli_actor())))
    console.print(f"tenant {slug} active")


@app.command("export")
@reports_startup_failures
def export(slug: str, output: Path = typer.Option(..., "--output", "-o", help="The JSON Lines file to write.")) -> None:
    """Export all of a tenant's data as JSON Lines."""
    from tenants import export as tenant_export
    from tenants import lifecycle
    from tenants.audit import platform_act

    async def work() -> int:
        # Not one transaction: a long export must not hold SQLite's lock (it reads in the tenant's own).
        async with platform_act(actor=cli_actor(), action="tenant.export", tenant_slug=slug, details={"output": str(output)}, atomic=False) as act:
            tenant = await lifecycle.get_tenant_by_slug_or_raise(slug=slug)
            act.about(tenant)
            with output.open("w") as handle, Progress(console=console, transient=True) as progress:
                task = progress.add_task(f"Exporting {slug}", total=None)
                act.details["rows"] = await tenant_export.export_tenant(
                    tenant_id=tenant.id, write=handle.write, progress=lambda table, n: progress.update(task, advance=n, description=table)
                )
            return act.details["rows"]

    rows = _tenant_errors(lambda: run_with_database(load_settings(), work))
    console.print(f"exported {rows} rows of {slug} to {output}")


@app.command("delete")
@reports_startup_failures
def delete(
    slug: str,
    export_file: Path = typer.Option(..., "--export", help="The tenant's complete export, made by `concord tenants export`."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Delete a tenant and all its data, after checking its export is complete."""
    from tenants import export as tenant_export

    if not yes:
        typer.confirm(f"Delete tenant {slug} and all its data?", abort=True)

    _tenant_errors(
        lambda: run_with_database(
            load_settings(), lambda: tenant_export.delete_tenant(slug=slug, export_path=export_file, actor=cli_actor())
        )
    )
    console.print(f"tenant {slug} deleted")
