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
    subject: str  # "api_key:<id>", "user:<id>" or "system:<what>"
    role: Role = Role.READ_ONLY
    scopes: frozenset[Scope] = field(default_factory=frozenset)
    requests_per_minute: int | None = None  # the tenant's own quota, when it has one

    def can(self, scope: Scope) -> bool:
        return scope in self.scopes

    @property
    def user_id(self) -> uuid.UUID | None:
        kind, _, value = self.subject.partition(":")
        return uuid.UUID(value) if kind == "user" else None
