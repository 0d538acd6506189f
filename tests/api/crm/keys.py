"""API keys with chosen scopes, for tests of what a caller without a scope sees."""

from __future__ import annotations

CREATE_KEY = "mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { message } } }"


async def api_key_with(graphql, tenant, *scopes: str, role: str = "front_office") -> str:
    """The secret of a new key of `tenant` holding only `scopes` (within `role`)."""
    data = await graphql.execute(
        CREATE_KEY, {"input": {"name": f"only {' '.join(scopes)}", "role": role, "scopes": list(scopes)}}, api_key=tenant.api_key
    )
    assert data["createApiKey"]["userErrors"] == [], data
    return data["createApiKey"]["secret"]
