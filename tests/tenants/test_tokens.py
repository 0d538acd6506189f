"""User tokens: HS256 with the secret key, or RS256 against a JWKS."""

from __future__ import annotations

import json
import time
import uuid

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tenants.errors import TenantError, TenantErrorCode
from tenants.tokens import TokenVerifier


def hs256(**overrides) -> TokenVerifier:
    options = {"algorithm": "HS256", "secret_key": "k" * 32, "issuer": "concord", "audience": "concord-api"}
    return TokenVerifier(**{**options, **overrides})


def test_an_issued_token_names_its_user_and_tenant():
    verifier = hs256()
    user, tenant = uuid.uuid4(), uuid.uuid4()

    claims = verifier.verify(verifier.issue(user_id=user, tenant_id=tenant, ttl_seconds=60))

    assert (claims.user_id, claims.tenant_id) == (user, tenant)


@pytest.mark.parametrize(
    "defect",
    ["expired", "other_key", "other_audience", "no_tenant", "garbage"],
)
def test_every_defect_is_the_same_unauthenticated(defect):
    verifier = hs256()
    now = int(time.time())
    claims = {"sub": str(uuid.uuid4()), "tid": str(uuid.uuid4()), "iss": "concord", "aud": "concord-api", "iat": now, "exp": now + 60}
    key = "k" * 32
    if defect == "expired":
        claims["exp"] = now - 10
    elif defect == "other_key":
        key = "x" * 32
    elif defect == "other_audience":
        claims["aud"] = "someone-else"
    elif defect == "no_tenant":
        del claims["tid"]
    token = "not.a.token" if defect == "garbage" else jwt.encode(claims, key, algorithm="HS256")

    with pytest.raises(TenantError) as raised:
        verifier.verify(token)

    assert raised.value.code is TenantErrorCode.UNAUTHENTICATED
    assert raised.value.message == "invalid or expired credentials"


def test_rs256_tokens_are_verified_against_the_configured_jwks(tmp_path):
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private_key.public_key()))
    jwk.update({"kid": "idp-1", "use": "sig", "alg": "RS256"})
    jwks_file = tmp_path / "jwks.json"
    jwks_file.write_text(json.dumps({"keys": [jwk]}))
    verifier = hs256(algorithm="RS256", jwks_url=str(jwks_file))
    user, tenant = uuid.uuid4(), uuid.uuid4()
    now = int(time.time())
    claims = {"sub": str(user), "tid": str(tenant), "iss": "concord", "aud": "concord-api", "iat": now, "exp": now + 60}

    token = jwt.encode(claims, private_key, algorithm="RS256", headers={"kid": "idp-1"})
    forged = jwt.encode(claims, "k" * 32, algorithm="HS256", headers={"kid": "idp-1"})

    assert verifier.verify(token).user_id == user
    with pytest.raises(TenantError):
        verifier.verify(forged)
