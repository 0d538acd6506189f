"""The audit log records every mutation and sign-in, tenant admins read it, and nothing rewrites it (on\nPostgreSQL and SQLite alike), except a tenant's deletion purging that tenant's own entries."""

from __future__ import annotations

import uuid

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from tenants.audit import purging_audit_of
from tenants.context import tenant_transaction
from tenants.users import create_operator

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


async def test_the_database_refuses_to_update_or_delete_audit_entries(graphql, tenant):
    await graphql.execute(CREATE, {"name": "Evidence"}, api_key=tenant.api_key)

    for statement in ("UPDATE audit_events SET outcome = 'succeeded'", "DELETE FROM audit_events"):
        with pytest.raises(Exception, match="append-only"):
            async with tenant_transaction(tenant.id):
                await connections.get("default").execute_query(statement)


async def test_a_tenants_purge_lets_only_that_tenants_audit_entries_go(graphql, tenant, other_tenant):
    await graphql.execute(CREATE, {"name": "Other's evidence"}, api_key=other_tenant.api_key)

    # The escape hatch of a tenant's deletion names one tenant: another tenant's entries stay protected.
    with pytest.raises(Exception, match="append-only"):
        async with tenant_transaction(other_tenant.id) as connection:
            async with purging_audit_of(connection, tenant.id):
                await connection.execute_query("DELETE FROM audit_events")

    assert len(await audit_entries(graphql, other_tenant, action="createCustomer")) == 1


async def test_an_unknown_outcome_in_the_filter_is_refused_naming_the_value(graphql, tenant):
    response = await graphql.post(AUDIT, {"filter": {"outcome": "maybe"}}, api_key=tenant.api_key)

    [error] = response.json()["errors"]
    assert "maybe" in error["message"] and "AuditOutcome" in error["message"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


OPERATOR_PASSWORD = "operator passphrase 1"
PLATFORM_AUDIT = """
query PlatformAudit($slug: String) {
  auditLog(first: 20, tenantSlug: $slug) { edges { node { actor action tenantId tenantSlug target outcome details createdAt } } }
}
"""


async def an_operator(graphql) -> tuple[str, str]:
    """A platform operator's actor name in the audit log, and a platform token of theirs."""
    email = f"ops-{uuid.uuid4().hex[:8]}@concord.example"
    user = await create_operator(email=email, name="Ops", password=OPERATOR_PASSWORD)
    response = await graphql.http.post("/auth/token", json={"email": email, "password": OPERATOR_PASSWORD})
    return f"user:{user.id}", response.json()["access_token"]


async def platform(graphql, token: str, query: str, variables: dict | None = None) -> dict:
    response = await graphql.http.post(
        "/platform/graphql", json={"query": query, "variables": variables or {}}, headers={"Authorization": f"Bearer {token}"}
    )
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


async def platform_entries(graphql, token: str, slug: str) -> list[dict]:
    """The platform's audit entries about the tenant `slug`, oldest first."""
    data = await platform(graphql, token, PLATFORM_AUDIT, {"slug": slug})
    return [edge["node"] for edge in reversed(data["auditLog"]["edges"])]


async def test_an_operators_create_suspend_and_resume_of_a_tenant_are_audited_as_the_operator(graphql):
    actor, token = await an_operator(graphql)
    slug = f"audited-{uuid.uuid4().hex[:6]}"

    created = await platform(graphql, token, 'mutation { createTenant(input: {slug: "%s", name: "Audited"}) { tenant { id } } }' % slug)
    for change in ("suspendTenant", "resumeTenant"):
        await platform(graphql, token, 'mutation { %s(input: {slug: "%s"}) { tenant { status } } }' % (change, slug))

    entries = await platform_entries(graphql, token, slug)
    tenant_id = created["createTenant"]["tenant"]["id"]
    assert [(e["actor"], e["action"], e["outcome"]) for e in entries] == [
        (actor, "tenant.create", "succeeded"), (actor, "tenant.suspend", "succeeded"), (actor, "tenant.resume", "succeeded"),
    ]
    assert {e["tenantId"] for e in entries} == {tenant_id} and {e["tenantSlug"] for e in entries} == {slug}
    assert all(e["target"].startswith("tenant:") and e["createdAt"] for e in entries)
    assert "cnk_" not in str(entries)  # the first admin key is shown once, never logged


async def test_an_operators_refused_acts_are_audited_as_rejected_naming_what_was_refused(graphql, tenant):
    actor, token = await an_operator(graphql)

    await platform(graphql, token, 'mutation { suspendTenant(input: {slug: "no-such-tenant"}) { userErrors { code } } }')
    await platform(graphql, token, 'mutation { createTenant(input: {slug: "%s", name: "Twin"}) { userErrors { code } } }' % tenant.slug)

    [suspend] = await platform_entries(graphql, token, "no-such-tenant")
    assert (suspend["actor"], suspend["action"], suspend["outcome"], suspend["tenantId"]) == (actor, "tenant.suspend", "rejected", None)
    assert suspend["details"]["error"]["code"] == "NOT_FOUND"
    [create] = [e for e in await platform_entries(graphql, token, tenant.slug) if e["actor"] == actor]  # not the fixture's own
    assert (create["actor"], create["outcome"], create["details"]["error"]["code"]) == (actor, "rejected", "SLUG_TAKEN")


async def test_the_platform_audit_log_is_append_only(graphql):
    _, token = await an_operator(graphql)
    await platform(graphql, token, 'mutation { suspendTenant(input: {slug: "nobody-here"}) { userErrors { code } } }')

    for statement in ("UPDATE platform_audit_events SET outcome = 'succeeded'", "DELETE FROM platform_audit_events"):
        with pytest.raises(Exception, match="append-only"):
            async with in_transaction() as connection:
                await connection.execute_query(statement)
