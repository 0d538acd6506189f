"""Authenticating a graphql-transport-ws connection from its `connection_init` payload."""

from __future__ import annotations

from typing import Any

from strawberry.exceptions import ConnectionRejectionError

from api.context import RequestContext
from tenants.authentication import authenticate_token
from tenants.errors import TenantError
from tenants.tokens import TokenVerifier


def token_from(params: dict[str, Any] | None) -> str | None:
    """The bearer token in `{"Authorization": "Bearer …"}` (any case) or `{"token": "…"}`."""
    params = params or {}
    for key, value in params.items():
        if key.lower() == "authorization" and isinstance(value, str):
            scheme, _, token = value.partition(" ")
            return token.strip() if scheme.lower() == "bearer" else None
    token = params.get("token")
    return token if isinstance(token, str) else None


async def authenticate_connection(context: RequestContext, verifier: TokenVerifier) -> None:
    """Set the connection's principal, or refuse the connection (closed with 4403)."""
    try:
        context.principal = await authenticate_token(token_from(context.connection_params), verifier=verifier)
    except TenantError as error:
        raise ConnectionRejectionError({"code": str(error.code), "message": error.message}) from None
