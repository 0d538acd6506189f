"""Reading the bearer credential of a request."""

from __future__ import annotations

from starlette.requests import HTTPConnection

from infra.settings import Settings
from tenants.tokens import TokenVerifier


def bearer_token(connection: HTTPConnection) -> str | None:
    scheme, _, token = connection.headers.get("authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def token_verifier(settings: Settings) -> TokenVerifier:
    return TokenVerifier(
        algorithm=settings.jwt_algorithm,
        secret_key=settings.secret_key.get_secret_value(),
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        jwks_url=settings.jwt_jwks_url,
    )
