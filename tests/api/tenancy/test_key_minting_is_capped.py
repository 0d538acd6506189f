"""Whoever mints a key or grants partners scopes can give away only what they hold themselves: a narrowed key
with keys:manage, or a partner app's key, cannot escalate to admin. Refusals are FORBIDDEN naming the scopes."""

from __future__ import annotations

from tenants.models import Role
from tenants.permissions import effective_scopes
from tests.api.tenancy.people import mint, minted_key

GRANT = "mutation G($scopes: [String!]!) { grantPartnerScopes(input: {scopes: $scopes}) { scopes userErrors { field message code } } }"
VIEWER = "{ viewer { scopes } }"
AUDIT = """
query A($action: String!) {
  auditLog(first: 20, filter: {action: $action}) { edges { node { actor action target outcome details } } }
}
"""


def refusal(scopes) -> dict:
    return {
        "field": ["input", "scopes"],
        "message": f"cannot grant scopes the caller does not have: {', '.join(sorted(scopes))}",
        "code": "FORBIDDEN",
    }


async def grant_partners(graphql, credential: str, scopes: list[str]) -> dict:
    return (await graphql.execute(GRANT, {"scopes": scopes}, api_key=credential))["grantPartnerScopes"]


async def test_a_narrowed_key_with_keys_manage_cannot_mint_an_admin_key(graphql, tenant):
    narrowed = await minted_key(graphql, tenant.api_key, role="admin", scopes=["keys:manage", "crm:read"])

    escalation = await mint(graphql, narrowed, role="admin", scopes=["*"])

    assert escalation["apiKey"] is None and escalation["secret"] is None
    assert escalation["userErrors"] == [refusal(effective_scopes(Role.ADMIN) - {"keys:manage", "crm:read"})]


async def test_a_narrowed_key_cannot_mint_one_scope_it_lacks(graphql, tenant):
    narrowed = await minted_key(graphql, tenant.api_key, role="admin", scopes=["keys:manage", "finance:read"])

    asked_more = await mint(graphql, narrowed, role="back_office", scopes=["finance:read", "finance:approve"])

    assert asked_more["userErrors"] == [refusal(["finance:approve"])]


async def test_a_narrowed_key_mints_keys_within_its_own_scopes_only(graphql, tenant):
    narrowed = await minted_key(graphql, tenant.api_key, role="admin", scopes=["keys:manage", "crm:read", "crm:write"])

    # What counts is what a key comes to (its role's scopes narrowed by its own), not the role's name.
    within = await minted_key(graphql, narrowed, role="admin", scopes=["crm:read", "crm:write"])
    every_read = await mint(graphql, narrowed, role="read_only", scopes=["*"])

    assert (await graphql.execute(VIEWER, api_key=within))["viewer"]["scopes"] == ["crm:read", "crm:write"]
    assert every_read["userErrors"] == [refusal(effective_scopes(Role.READ_ONLY) - {"crm:read"})]


async def test_a_partner_key_cannot_mint_beyond_the_partner_ceiling_or_its_own_scopes(graphql, tenant):
    await grant_partners(graphql, tenant.api_key, ["crm:read", "crm:write", "keys:manage"])
    partner = await mint(graphql, tenant.api_key, role="admin", scopes=["crm:read", "keys:manage"], partner=True)

    wider = await mint(graphql, partner["secret"], role="admin", scopes=["*"], partner=True)
    within = await mint(graphql, partner["secret"], role="admin", scopes=["crm:read"], partner=True)

    assert wider["userErrors"] == [refusal(["crm:write"])]
    assert within["userErrors"] == [] and within["apiKey"]["role"] == "admin"
    assert (await graphql.execute(VIEWER, api_key=within["secret"]))["viewer"]["scopes"] == ["crm:read"]


async def test_a_partner_key_can_mint_only_partner_keys(graphql, tenant):
    await grant_partners(graphql, tenant.api_key, ["crm:read", "keys:manage"])
    partner = await mint(graphql, tenant.api_key, role="admin", scopes=["*"], partner=True)

    tenant_key = await mint(graphql, partner["secret"], role="read_only", scopes=["crm:read"])

    assert tenant_key["secret"] is None
    assert tenant_key["userErrors"] == [
        {"field": ["input", "partner"], "message": "a partner app's key can mint only partner keys", "code": "FORBIDDEN"}
    ]


async def test_a_narrowed_caller_cannot_grant_partners_scopes_it_lacks(graphql, tenant):
    await grant_partners(graphql, tenant.api_key, ["hr:read"])
    narrowed = await minted_key(graphql, tenant.api_key, role="admin", scopes=["keys:manage", "crm:read"])

    refused = await grant_partners(graphql, narrowed, ["crm:read", "hr:read", "hr:salaries", "finance:approve"])
    # Narrowing, and keeping what partners already had, gives nothing away.
    kept = await grant_partners(graphql, narrowed, ["crm:read", "hr:read"])

    assert refused == {"scopes": [], "userErrors": [refusal(["finance:approve", "hr:salaries"])]}
    assert kept == {"scopes": ["crm:read", "hr:read"], "userErrors": []}


async def test_a_partner_key_cannot_change_what_partners_may_have(graphql, tenant):
    await grant_partners(graphql, tenant.api_key, ["crm:read", "keys:manage"])
    partner = await mint(graphql, tenant.api_key, role="admin", scopes=["*"], partner=True)

    refused = await grant_partners(graphql, partner["secret"], ["crm:read"])

    assert refused["userErrors"] == [
        {"field": ["input", "scopes"], "message": "a partner app's key cannot change what partner apps may have", "code": "FORBIDDEN"}
    ]


async def test_key_minting_refusals_creations_and_revocations_are_audited(graphql, tenant):
    narrowed = await minted_key(graphql, tenant.api_key, role="admin", scopes=["keys:manage", "crm:read"])
    await mint(graphql, narrowed, role="admin", scopes=["*"])
    created = await mint(graphql, narrowed, role="read_only", scopes=["crm:read"])
    await graphql.execute(
        "mutation R($id: ID!) { revokeApiKey(input: {id: $id}) { userErrors { code } } }", {"id": created["apiKey"]["id"]}, api_key=narrowed
    )
    await grant_partners(graphql, narrowed, ["hr:salaries"])

    creations = [e["node"] for e in (await graphql.execute(AUDIT, {"action": "api_key.create"}, api_key=tenant.api_key))["auditLog"]["edges"]]
    revocations = [e["node"] for e in (await graphql.execute(AUDIT, {"action": "api_key.revoke"}, api_key=tenant.api_key))["auditLog"]["edges"]]
    grants = [e["node"] for e in (await graphql.execute(AUDIT, {"action": "partner_scopes.grant"}, api_key=tenant.api_key))["auditLog"]["edges"]]

    [refused] = [entry for entry in creations if entry["outcome"] == "rejected"]
    [succeeded] = [entry for entry in creations if entry["outcome"] == "succeeded" and entry["actor"] == refused["actor"]]
    assert refused["outcome"] == "rejected" and refused["target"] is None
    assert refused["details"]["code"] == "FORBIDDEN" and "hr:salaries" in refused["details"]["refused_scopes"]
    assert succeeded["outcome"] == "succeeded" and succeeded["target"].startswith("api_key:")
    assert succeeded["details"] == {"role": "read_only", "kind": "tenant", "scopes": ["crm:read"], "person": None}
    assert [(r["outcome"], r["target"]) for r in revocations] == [("succeeded", succeeded["target"])]
    assert [(g["outcome"], g["details"]["refused_scopes"]) for g in grants] == [("rejected", ["hr:salaries"])]
