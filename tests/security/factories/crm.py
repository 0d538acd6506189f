"""Attack-suite factories for the CRM's Node types."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from domain.crm import service as crm_service
from domain.crm.models import Channel, Direction


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


FACTORIES = {"Customer": customer, "Contact": contact, "Interaction": interaction}
