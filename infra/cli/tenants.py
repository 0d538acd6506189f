"""`concord tenants …`: administering tenants."""

from __future__ import annotations

import asyncio
import json

import typer

from infra.cli.failures import fail, reports_startup_failures
from infra.db import close_database, open_database
from infra.settings import load_settings

app = typer.Typer(help="Create and administer tenants.", no_args_is_help=True)


@app.command("create")
@reports_startup_failures
def create(slug: str, name: str = typer.Option(..., "--name", help="The company's display name.")) -> None:
    """Create a tenant and print it with its first admin API key, as one JSON object."""
    from tenants import lifecycle as tenant_lifecycle
    from tenants.errors import TenantError

    settings = load_settings()

    async def run():
        await open_database(settings)
        try:
            return await tenant_lifecycle.create_tenant(slug=slug, name=name)
        finally:
            await close_database()

    try:
        created = asyncio.run(run())
    except TenantError as error:
        raise fail(f"{error.field or 'tenant'}: {error.message}", code=1) from None
    tenant = created.tenant
    typer.echo(json.dumps({"tenant": {"id": str(tenant.id), "slug": tenant.slug, "name": tenant.name}, "api_key": created.api_key}))
