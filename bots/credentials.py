"""A portal login as a bot receives it (a later phase reads it from the tenant's vault)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PortalCredentials:
    username: str
    password: str = field(repr=False)
    totp_seed: str | None = field(default=None, repr=False)  # base32; None: a human types the code

    def secrets(self) -> list[str]:
        """What must never appear in a message, log or trace."""
        return [value for value in (self.password, self.totp_seed) if value]

    def session_key(self) -> str:
        """Identifies the login for the one-session-per-credential lock without keeping the username in memory maps."""
        return hashlib.sha256(self.username.encode()).hexdigest()[:16]
