"""`concord users …`: people who sign in, and their roles in tenants."""

from __future__ import annotations

import json

import typer

from infra.cli.database_session import run_with_database
from infra.cli.failures import fail, reports_startup_failures
from infra.settings import load_settings

app = typer.Typer(help="Create users and give them roles in tenants.", no_args_is_help=True)


@app.command("create")
@reports_startup_failures
def create(
    email: str,
    name: str = typer.Option(..., "--name"),
    tenant: str = typer.Option(..., "--tenant", help="Slug of the tenant the user joins."),
    role: str = typer.Option("read_only", "--role", help="admin, front_office, back_office or read_only."),
    password: str = typer.Option(..., "--password", prompt=True, hide_input=True, help="At least 12 characters."),
) -> None:
    """Create a user with a password and a role in one tenant."""
    from tenants import lifecycle, users
    from tenants.context import tenant_transaction
    from tenants.errors import TenantError
    from tenants.models import Role

    try:
        chosen_role = Role(role)
    except ValueError:
        raise fail(f"--role {role!r} is not one of {', '.join(r.value for r in Role)}", code=2) from None

    async def work():
        found = await lifecycle.get_tenant_by_slug_or_raise(slug=tenant)
        user = await users.create_user(email=email, name=name, password=password)
        async with tenant_transaction(found.id):
            await users.add_membership(user_id=user.id, role=chosen_role)
        return user

    try:
        user = run_with_database(load_settings(), work)
    except TenantError as error:
        raise fail(f"{error.field + ': ' if error.field else ''}{error.message}", code=1) from None
    typer.echo(json.dumps({"user": {"id": str(user.id), "email": user.email}, "tenant": tenant, "role": chosen_role.value}))


@app.command("create-operator")
@reports_startup_failures
def create_operator(
    email: str,
    name: str = typer.Option(..., "--name"),
    password: str = typer.Option(..., "--password", prompt=True, hide_input=True, help="At least 12 characters."),
) -> None:
    """Create a platform operator, who administers tenants through /platform/graphql."""
    from tenants import users
    from tenants.errors import TenantError

    try:
        user = run_with_database(load_settings(), lambda: users.create_operator(email=email, name=name, password=password))
    except TenantError as error:
        raise fail(f"{error.field + ': ' if error.field else ''}{error.message}", code=1) from None
    typer.echo(json.dumps({"operator": {"id": str(user.id), "email": user.email}}))
