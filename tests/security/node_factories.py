"""How the attack suite makes one object of every Node type for the victim tenant.

Every Node type in the schema must have a factory here: the suite fails for a type without one, so a
new type cannot escape the attacks. A factory runs inside the victim's tenant transaction, gives
the object the `marker` text wherever it has a free-text field, and returns the row id.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from collections.abc import Awaitable, Callable

from domain.crm import service as crm_service
from domain.crm.models import Channel, Direction
from tenants import keys as key_service
from tenants.audit import Outcome, record_audit
from tenants.context import current_tenant_id

Factory = Callable[[str], Awaitable[uuid.UUID]]


async def customer(marker: str) -> uuid.UUID:
    return (await crm_service.create_customer(name=f"{marker} Customer")).id


async def contact(marker: str) -> uuid.UUID:
    owner = await crm_service.create_customer(name=f"{marker} Contact's Customer")
    return (await crm_service.create_contact(customer_id=owner.id, first_name=marker, last_name="Contact")).id


async def interaction(marker: str) -> uuid.UUID:
    owner = await crm_service.create_customer(name=f"{marker} Interaction's Customer")
    logged = await crm_service.log_interaction(
        customer_id=owner.id, channel=Channel.EMAIL, direction=Direction.INBOUND, subject=f"{marker} subject",
        occurred_at=datetime.now(UTC),
    )
    return logged.id


async def api_key(marker: str) -> uuid.UUID:
    key, _ = await key_service.create_api_key(tenant_id=current_tenant_id(), name=f"{marker} key")
    return key.id


async def audit_entry(marker: str) -> uuid.UUID:
    return (await record_audit(actor=f"user:{marker}", action="attackSetup", outcome=Outcome.SUCCEEDED)).id


NODE_FACTORIES: dict[str, Factory] = {
    "Customer": customer,
    "Contact": contact,
    "Interaction": interaction,
    "ApiKey": api_key,
    "AuditEntry": audit_entry,
}
