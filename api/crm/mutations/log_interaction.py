"""logInteraction"""

from __future__ import annotations

from datetime import datetime

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.crm.filters import InteractionChannel, InteractionDirection
from api.crm.types import InteractionNode
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from domain.crm import service as crm_service
from domain.crm.models import Channel, Direction
from domain.errors import DomainError


@strawberry.input
class LogInteractionInput:
    customer_id: strawberry.ID
    channel: InteractionChannel
    direction: InteractionDirection
    subject: str
    occurred_at: datetime
    contact_id: strawberry.ID | None = None
    summary: str | None = None


@strawberry.type
class LogInteractionPayload:
    interaction: InteractionNode | None
    user_errors: list[UserError]


async def log_interaction(info: Info, input: LogInteractionInput) -> LogInteractionPayload:
    try:
        async with in_transaction():
            interaction = await crm_service.log_interaction(
                customer_id=decode_input_id(input.customer_id, expected_type="Customer", field="customer_id"),
                contact_id=decode_input_id(input.contact_id, expected_type="Contact", field="contact_id") if input.contact_id else None,
                channel=Channel(input.channel.value), direction=Direction(input.direction.value), subject=input.subject,
                occurred_at=input.occurred_at, summary=input.summary, recorded_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return LogInteractionPayload(interaction=None, user_errors=[user_error(error)])
    return LogInteractionPayload(interaction=InteractionNode.from_model(interaction), user_errors=[])
