"""`concord schema`: the GraphQL schema in SDL, as committed in schema.graphql."""

from __future__ import annotations

import typer


def print_schema() -> None:
    """Print the GraphQL schema (SDL)."""
    from api.schema import schema

    typer.echo(schema.as_str())
