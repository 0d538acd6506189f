"""CRM domain events."""

from __future__ import annotations

from typing import Any

from domain.crm.models import Interaction
from domain.outbox.payloads import payload

INTERACTION_LOGGED = "crm.interaction_logged"


def interaction_logged(interaction: Interaction) -> dict[str, Any]:
    return payload(
        interaction_id=interaction.id,
        customer_id=interaction.customer_id,
        contact_id=interaction.contact_id,
        channel=interaction.channel,
        direction=interaction.direction,
        occurred_at=interaction.occurred_at,
    )
