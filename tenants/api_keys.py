"""API keys: `cnk_<prefix>_<secret>`. The prefix finds the row; only the secret's hash is stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

KEY_MARKER = "cnk"


@dataclass(frozen=True)
class IssuedKey:
    prefix: str
    secret_hash: str
    plaintext: str  # shown once to whoever created the key, never stored


@dataclass(frozen=True)
class PresentedKey:
    prefix: str
    secret: str


def issue_key() -> IssuedKey:
    """A new random key; 256 bits of secret make a fast hash sufficient."""
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    return IssuedKey(prefix=prefix, secret_hash=hash_secret(secret), plaintext=f"{KEY_MARKER}_{prefix}_{secret}")


def parse_key(token: str) -> PresentedKey | None:
    """Split a presented token into prefix and secret; None when it is not shaped like a key."""
    marker, _, rest = token.partition("_")
    prefix, _, secret = rest.partition("_")
    if marker != KEY_MARKER or len(prefix) != 12 or not secret:
        return None
    return PresentedKey(prefix=prefix, secret=secret)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(presented: PresentedKey, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(presented.secret), stored_hash)
