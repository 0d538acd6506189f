"""The committed schema.graphql is the schema the code serves, so schema changes show in review."""

from __future__ import annotations

from pathlib import Path

from api.schema import schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_graphql_matches_the_code():
    committed = SCHEMA_FILE.read_text()

    assert committed.strip() == schema.as_str().strip(), (
        "schema.graphql is out of date: run `concord schema > schema.graphql` and commit it"
    )
