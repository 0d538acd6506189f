"""Authenticated encryption of tenant secrets under keys derived from CONCORD_SECRET_KEY.

Each tenant gets its own AES-256-GCM key (HKDF over the secret key, salted with the tenant id), and
each ciphertext is bound to its tenant and secret name as associated data, so a ciphertext copied
to another tenant or name does not decrypt. `key_id` names the secret key that sealed a value, so
`concord secrets rotate-key` can find what to re-seal after the key changes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import uuid

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE_BYTES = 12


class SecretUndecryptable(Exception):
    """The value was sealed by another key, or altered. The message never contains the value."""


def key_id(secret_key: str) -> int:
    """A short, non-reversible fingerprint of a secret key."""
    digest = hmac.new(secret_key.encode(), b"concord-vault-key-id", hashlib.sha256).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


def _tenant_key(secret_key: str, tenant_id: uuid.UUID) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=tenant_id.bytes, info=b"concord-vault-v1").derive(
        secret_key.encode()
    )


def _associated_data(tenant_id: uuid.UUID, name: str) -> bytes:
    return f"{tenant_id}:{name}".encode()


def seal(secret_key: str, *, tenant_id: uuid.UUID, name: str, value: str) -> str:
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(_tenant_key(secret_key, tenant_id)).encrypt(nonce, value.encode(), _associated_data(tenant_id, name))
    return base64.b64encode(nonce + sealed).decode()


def unseal(secret_key: str, *, tenant_id: uuid.UUID, name: str, ciphertext: str) -> str:
    raw = base64.b64decode(ciphertext)
    try:
        plain = AESGCM(_tenant_key(secret_key, tenant_id)).decrypt(
            raw[:NONCE_BYTES], raw[NONCE_BYTES:], _associated_data(tenant_id, name)
        )
    except InvalidTag:
        raise SecretUndecryptable(f"secret {name!r} does not decrypt with this key") from None
    return plain.decode()
