"""Who is calling: the authenticated principal of a request, job or bot run."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Principal:
    tenant_id: uuid.UUID
    tenant_slug: str
    subject: str  # "api_key:<id>" or "user:<id>"
    scopes: frozenset[str] = field(default_factory=frozenset)
