"""People behind credentials, for tests of rules about persons (four eyes, key minting): a member of a
tenant with a signed-in token, and keys that member mints."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from api.auth import token_verifier
from tenants.context import tenant_transaction
from tenants.models import Role
from tenants.users import add_membership, create_user

MINT_KEY = """
mutation Mint($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { apiKey { id role scopes } secret userErrors { field message code } }
}
"""


@dataclass(frozen=True)
class Person:
    user_id: uuid.UUID
    token: str  # the member's JWT for the tenant


async def member(settings, tenant, role: Role = Role.BACK_OFFICE, name: str = "Dana Example") -> Person:
    """A user with `role` in `tenant` and a token for it, as signing in would give."""
    user = await create_user(email=f"person-{uuid.uuid4().hex[:10]}@example.com", name=name)
    async with tenant_transaction(tenant.id):
        await add_membership(user_id=user.id, role=role)
    return Person(user_id=user.id, token=token_verifier(settings).issue(user_id=user.id, tenant_id=tenant.id, ttl_seconds=600))


async def mint(graphql, credential: str, *, role: str, scopes: list[str] | None = None, partner: bool = False) -> dict:
    """The createApiKey payload of `credential` asking for a key of `role` with `scopes`."""
    key_input = {"name": f"{role} {' '.join(scopes or ['*'])}", "role": role, "partner": partner}
    if scopes is not None:
        key_input["scopes"] = scopes
    return (await graphql.execute(MINT_KEY, {"input": key_input}, api_key=credential))["createApiKey"]


async def minted_key(graphql, credential: str, *, role: str, scopes: list[str] | None = None) -> str:
    """The secret of a key `credential` mints (it must be allowed to)."""
    payload = await mint(graphql, credential, role=role, scopes=scopes)
    assert payload["userErrors"] == [], payload
    return payload["secret"]
