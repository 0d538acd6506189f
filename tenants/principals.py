"""Who is calling: the authenticated principal of a request, job or bot run."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from tenants.models import Role
from tenants.permissions import Scope


@dataclass(frozen=True)
class Principal:
    tenant_id: uuid.UUID
    tenant_slug: str
    subject: str  # "api_key:<id>", "user:<id>" or "system:<what>": the credential, for the audit log
    role: Role = Role.READ_ONLY
    scopes: frozenset[Scope] = field(default_factory=frozenset)
    requests_per_minute: int | None = None  # the tenant's own quota, when it has one
    # The person the credential speaks for: the user of a JWT, the user who minted an API key (or the
    # key that minted it). None for keys the platform or CLI made and keys minted by such keys: rules
    # about people (four eyes) must not take two credentials of one person for two people.
    person_id: uuid.UUID | None = None
    partner: bool = False  # an embedded partner app's key

    def can(self, scope: Scope) -> bool:
        return scope in self.scopes

    @property
    def user_id(self) -> uuid.UUID | None:
        kind, _, value = self.subject.partition(":")
        return uuid.UUID(value) if kind == "user" else None

    @property
    def person(self) -> str | None:
        """The person as the audit log and payment orders name them: "user:<id>", or None."""
        return f"user:{self.person_id}" if self.person_id else None
