"""`concord`: the one command that runs, migrates, administers and demonstrates Concord."""

from __future__ import annotations

import typer

from infra.cli import bots, demo, portals, production, schema, secrets, tenants, users

app = typer.Typer(
    name="concord",
    help="Concord: one GraphQL graph over the front office and the back office.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.command("demo")(demo.demo)
app.command("serve")(production.serve)
app.command("worker")(production.worker)
app.command("migrate")(production.migrate)
app.command("schema")(schema.print_schema)
app.command("portals")(portals.portals)
app.add_typer(tenants.app, name="tenants")
app.add_typer(users.app, name="users")
app.add_typer(secrets.app, name="secrets")
app.add_typer(bots.app, name="bots")

if __name__ == "__main__":
    app()
