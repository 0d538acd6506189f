"""PostgreSQL row-level security for tenant-owned tables: the second wall of tenant isolation.

Each tenant-owned table gets a policy that admits a row only when its `tenant_id` equals the
transaction's `app.tenant_id`. `current_setting(..., true)` is NULL when unset, so a query outside
a tenant transaction sees no rows and can write none. FORCE makes the table's owner obey it too:
only superusers and BYPASSRLS roles are exempt, and the application role is neither.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

POLICY = "tenant_isolation"
TENANT_PREDICATE = "tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid"


def row_level_security_statements(table: str) -> list[str]:
    return [
        f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY',
        f'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY',
        f'DROP POLICY IF EXISTS {POLICY} ON "{table}"',
        f'CREATE POLICY {POLICY} ON "{table}" USING ({TENANT_PREDICATE}) WITH CHECK ({TENANT_PREDICATE})',
    ]


def append_only_statements(table: str) -> list[str]:
    """Refuse UPDATE and DELETE on `table`, except deleting a tenant's rows while that tenant is purged."""
    function = f"{table}_append_only"
    return [
        f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.tenant_id::text = current_setting('app.purging_tenant_id', true) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '{table} is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$""",
        f'DROP TRIGGER IF EXISTS {function} ON "{table}"',
        f'CREATE TRIGGER {function} BEFORE UPDATE OR DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION {function}()',
    ]


def on_postgres(statements: Sequence[str]) -> Callable[[Any, Any], Any]:
    """A RunPython step that runs `statements` on PostgreSQL and does nothing on SQLite."""
    return _on_dialect("postgres", statements)


def on_sqlite(statements: Sequence[str]) -> Callable[[Any, Any], Any]:
    """A RunPython step that runs `statements` on SQLite and does nothing on PostgreSQL."""
    return _on_dialect("sqlite", statements)


def _on_dialect(dialect: str, statements: Sequence[str]) -> Callable[[Any, Any], Any]:
    async def run(apps: Any, schema_editor: Any) -> None:
        if schema_editor.client.capabilities.dialect != dialect:
            return
        for statement in statements:
            await schema_editor.client.execute_script(statement)

    return run


def tenant_tables_protected(tables: Sequence[str]) -> Callable[[Any, Any], Any]:
    """The migration step that puts `tables` behind row-level security."""
    return on_postgres([statement for table in tables for statement in row_level_security_statements(table)])
