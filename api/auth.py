"""Authenticating `Authorization: Bearer <token>`; a tenant header alone never selects a tenant."""

from __future__ import annotations

from starlette.requests import HTTPConnection

from tenants import service as tenant_service
from tenants.errors import TenantError, TenantErrorCode
from tenants.principals import Principal


def bearer_token(connection: HTTPConnection) -> str | None:
    scheme, _, token = connection.headers.get("authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def authenticate(token: str | None) -> Principal:
    """The principal behind a bearer token; UNAUTHENTICATED whatever part was missing or wrong."""
    if not token:
        raise TenantError(TenantErrorCode.UNAUTHENTICATED, "authentication required: send Authorization: Bearer <key>")
    return await tenant_service.authenticate_api_key(token=token)
