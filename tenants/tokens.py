"""Bearer JWTs for users: HS256 with Concord's secret key, or RS256 from an identity provider's JWKS."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt

from tenants.errors import unauthenticated

TENANT_CLAIM = "tid"
PLATFORM_CLAIM = "platform"  # a platform operator's token: no tenant, only the platform API


@dataclass(frozen=True)
class TokenClaims:
    user_id: uuid.UUID
    tenant_id: uuid.UUID


class TokenVerifier:
    """Verifies tokens with the settings' algorithm, issuer and audience."""

    def __init__(
        self, *, algorithm: str, secret_key: str, issuer: str, audience: str, jwks_url: str | None = None
    ) -> None:
        self.algorithm = algorithm
        self.secret_key = secret_key
        self.issuer = issuer
        self.audience = audience
        self._jwks = _jwks_source(jwks_url) if algorithm == "RS256" else None

    def verify(self, token: str) -> TokenClaims:
        """The user and tenant a token speaks for; UNAUTHENTICATED for any defect."""
        try:
            key = self._jwks.key_for(token) if self._jwks else self.secret_key
            claims = jwt.decode(
                token,
                key,
                algorithms=[self.algorithm],
                issuer=self.issuer,
                audience=self.audience,
                options={"require": ["exp", "iat", "sub", TENANT_CLAIM]},
            )
            return TokenClaims(user_id=uuid.UUID(claims["sub"]), tenant_id=uuid.UUID(claims[TENANT_CLAIM]))
        except (jwt.PyJWTError, ValueError, KeyError, TypeError):
            raise unauthenticated() from None

    def verify_platform(self, token: str) -> uuid.UUID:
        """The operator a platform token speaks for; UNAUTHENTICATED for any defect or a tenant token."""
        try:
            claims = jwt.decode(
                token, self.secret_key, algorithms=["HS256"], issuer=self.issuer, audience=self.audience,
                options={"require": ["exp", "iat", "sub", PLATFORM_CLAIM]},
            )
            if claims[PLATFORM_CLAIM] is not True or TENANT_CLAIM in claims:
                raise ValueError
            return uuid.UUID(claims["sub"])
        except (jwt.PyJWTError, ValueError, KeyError, TypeError):
            raise unauthenticated() from None

    def issue(self, *, user_id: uuid.UUID, tenant_id: uuid.UUID, ttl_seconds: int) -> str:
        """An HS256 token for a user in a tenant (RS256 tokens come from the identity provider)."""
        return self._sign({"sub": str(user_id), TENANT_CLAIM: str(tenant_id)}, ttl_seconds)

    def issue_platform(self, *, user_id: uuid.UUID, ttl_seconds: int) -> str:
        """An HS256 token for a platform operator, good only for the platform API."""
        return self._sign({"sub": str(user_id), PLATFORM_CLAIM: True}, ttl_seconds)

    def _sign(self, claims: dict, ttl_seconds: int) -> str:
        now = datetime.now(UTC)
        claims = {**claims, "iss": self.issuer, "aud": self.audience, "iat": now, "exp": now + timedelta(seconds=ttl_seconds)}
        return jwt.encode(claims, self.secret_key, algorithm="HS256")


class _JwksFile:
    def __init__(self, path: Path) -> None:
        self._keys = jwt.PyJWKSet.from_dict(json.loads(path.read_text()))

    def key_for(self, token: str):
        kid = jwt.get_unverified_header(token).get("kid")
        for key in self._keys.keys:
            if key.key_id == kid:
                return key.key
        raise jwt.InvalidKeyError(f"no key {kid!r} in the JWKS")


class _JwksUrl:
    def __init__(self, url: str) -> None:
        self._client = jwt.PyJWKClient(url, cache_keys=True)

    def key_for(self, token: str):
        return self._client.get_signing_key_from_jwt(token).key


def _jwks_source(location: str | None):
    if not location:
        raise ValueError("CONCORD_JWT_JWKS_URL must be set when CONCORD_JWT_ALGORITHM is RS256")
    if location.startswith(("http://", "https://")):
        return _JwksUrl(location)
    return _JwksFile(Path(location.removeprefix("file://")))
