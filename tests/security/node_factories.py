"""How the attack suite makes one object of every Node type for the victim tenant.

Every Node type in the schema must have a factory here: the suite fails for a type without one, so a
new type cannot escape the attacks. A factory runs inside the victim's tenant transaction, gives
the object the `marker` text wherever it has a free-text field, and returns the row id.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from domain.crm import service as crm_service
from tenants import keys as key_service
from tenants.audit import Outcome, record_audit
from tenants.context import current_tenant_id

Factory = Callable[[str], Awaitable[uuid.UUID]]


async def customer(marker: str) -> uuid.UUID:
    return (await crm_service.create_customer(name=f"{marker} Customer")).id


async def api_key(marker: str) -> uuid.UUID:
    key, _ = await key_service.create_api_key(tenant_id=current_tenant_id(), name=f"{marker} key")
    return key.id


async def audit_entry(marker: str) -> uuid.UUID:
    return (await record_audit(actor=f"user:{marker}", action="attackSetup", outcome=Outcome.SUCCEEDED)).id


NODE_FACTORIES: dict[str, Factory] = {
    "Customer": customer,
    "ApiKey": api_key,
    "AuditEntry": audit_entry,
}
