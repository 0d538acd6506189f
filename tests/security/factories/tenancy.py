"""Attack-suite factories for tenant administration's Node types."""

from __future__ import annotations

import uuid

from tenants import keys as key_service
from tenants.audit import Outcome, record_audit
from tenants.context import current_tenant_id


async def api_key(marker: str) -> uuid.UUID:
    key, _ = await key_service.create_api_key(tenant_id=current_tenant_id(), name=f"{marker} key")
    return key.id


async def audit_entry(marker: str) -> uuid.UUID:
    return (await record_audit(actor=f"user:{marker}", action="attackSetup", outcome=Outcome.SUCCEEDED)).id


FACTORIES = {"ApiKey": api_key, "AuditEntry": audit_entry}
