"""Every tenant-owned table is behind row-level security on PostgreSQL, forced for its owner too."""

from __future__ import annotations

import pytest
from tortoise import Tortoise, connections

from infra.db.rls import POLICY
from tenants.ownership import TenantOwnedModel

pytestmark = pytest.mark.parametrize("test_database", ["postgres"], indirect=True)


def tenant_owned_tables() -> set[str]:
    """The tables of every registered model (MODEL_MODULES) whose rows belong to a tenant."""
    return {
        model._meta.db_table
        for app in Tortoise.apps.values()
        for model in app.values()
        if issubclass(model, TenantOwnedModel) and not model._meta.abstract
    }


async def test_every_tenant_owned_table_forces_row_level_security_with_a_policy(db):
    tables = tenant_owned_tables()
    rows = await connections.get("default").execute_query_dict(
        """
        SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
               EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = $1) AS has_policy
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname = ANY($2::text[])
        """,
        [POLICY, sorted(tables)],
    )
    found = {row["relname"]: row for row in rows}

    assert sorted(tables - found.keys()) == [], "tenant-owned models without a table"
    unprotected = sorted(
        name for name, row in found.items() if not (row["relrowsecurity"] and row["relforcerowsecurity"] and row["has_policy"])
    )
    assert unprotected == [], "tenant-owned tables without forced row-level security and a policy"
    assert len(tables) > 5
