"""The audit log records every mutation and sign-in, tenant admins read it, and nothing rewrites it."""

from __future__ import annotations

import pytest
from tortoise import connections

from tenants.context import tenant_transaction

AUDIT = """
query Audit($filter: AuditLogFilter) {
  auditLog(first: 20, filter: $filter) { totalCount edges { node { actor action target outcome details traceId } } }
}
"""
CREATE = "mutation C($name: String!) { createCustomer(input: {name: $name}) { customer { id } userErrors { code } } }"


async def audit_entries(graphql, tenant, **filter) -> list[dict]:
    data = await graphql.execute(AUDIT, {"filter": filter or None}, api_key=tenant.api_key)
    return [edge["node"] for edge in data["auditLog"]["edges"]]


async def test_a_mutation_is_recorded_with_actor_target_outcome_and_trace(graphql, tenant):
    created = await graphql.execute(CREATE, {"name": "Audited Ltd"}, api_key=tenant.api_key)

    [entry] = await audit_entries(graphql, tenant, action="createCustomer")

    assert entry["actor"].startswith("api_key:")
    assert entry["target"] == created["createCustomer"]["customer"]["id"]
    assert entry["outcome"] == "succeeded"
    assert entry["details"] == {"input_fields": ["name"]}
    assert len(entry["traceId"]) == 32


async def test_a_refused_mutation_is_recorded_as_rejected_and_its_change_is_not_kept(graphql, tenant):
    await graphql.execute(CREATE, {"name": "  "}, api_key=tenant.api_key)

    [entry] = await audit_entries(graphql, tenant, action="createCustomer", outcome="REJECTED")

    assert entry["target"] is None
    assert (await graphql.execute("{ customers { totalCount } }", api_key=tenant.api_key))["customers"]["totalCount"] == 0


async def test_a_forbidden_mutation_is_recorded_as_rejected(graphql, tenant):
    created = await graphql.execute(
        'mutation { createApiKey(input: {name: "ro", role: "read_only"}) { secret } }', api_key=tenant.api_key
    )
    read_only = created["createApiKey"]["secret"]

    await graphql.post(CREATE, {"name": "Nope"}, api_key=read_only)

    entries = await audit_entries(graphql, tenant, action="createCustomer", outcome="REJECTED")
    assert len(entries) == 1 and entries[0]["actor"] != "system"


async def test_secret_values_are_not_written_to_the_audit_log(graphql, tenant):
    await graphql.execute(
        'mutation { setSecret(input: {name: "bank.password", kind: "password", value: "S3cret-Audit-Value"}) { userErrors { code } } }',
        api_key=tenant.api_key,
    )

    [entry] = await audit_entries(graphql, tenant, action="setSecret")

    assert "S3cret-Audit-Value" not in str(entry)
    assert entry["details"] == {"input_fields": ["kind", "name", "value"]}


async def test_another_tenants_audit_log_is_not_visible(graphql, tenant, other_tenant):
    await graphql.execute(CREATE, {"name": "Private"}, api_key=tenant.api_key)

    assert await audit_entries(graphql, other_tenant, action="createCustomer") == []


async def test_the_audit_log_needs_the_audit_scope(graphql, tenant):
    created = await graphql.execute(
        'mutation { createApiKey(input: {name: "fo", role: "front_office"}) { secret } }', api_key=tenant.api_key
    )

    response = await graphql.post(AUDIT, {}, api_key=created["createApiKey"]["secret"])

    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_postgresql_refuses_to_update_or_delete_audit_entries(graphql, tenant, test_database):
    if not test_database.is_postgres:
        pytest.skip("the append-only trigger is PostgreSQL's")
    await graphql.execute(CREATE, {"name": "Evidence"}, api_key=tenant.api_key)

    for statement in ("UPDATE audit_events SET outcome = 'succeeded'", "DELETE FROM audit_events"):
        with pytest.raises(Exception, match="append-only"):
            async with tenant_transaction(tenant.id):
                await connections.get("default").execute_query(statement)


async def test_an_unknown_outcome_in_the_filter_is_refused_naming_the_value(graphql, tenant):
    response = await graphql.post(AUDIT, {"filter": {"outcome": "maybe"}}, api_key=tenant.api_key)

    [error] = response.json()["errors"]
    assert "maybe" in error["message"] and "AuditOutcome" in error["message"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
