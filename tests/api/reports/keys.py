"""API keys of a chosen role or narrowed scopes, for the back-office areas' permission tests."""

from __future__ import annotations

from tenants import keys as key_service
from tenants.models import Role


async def api_key_for(tenant, role: Role, scopes: list[str] | None = None) -> str:
    """A plaintext key of `tenant` for `role`, narrowed to `scopes` when given."""
    _, plaintext = await key_service.create_api_key(tenant_id=tenant.id, name=f"{role} key", role=role, scopes=scopes)
    return plaintext


def statement_count(spans) -> int:
    """How many SQL statements the finished spans record."""
    return sum(1 for span in spans.get_finished_spans() if span.attributes and "db.system" in span.attributes)
