"""openTicket"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.crm.filters import InteractionChannel
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.service.enums import TicketPriority
from api.service.types import TicketNode
from domain.crm.models import Channel
from domain.errors import DomainError
from domain.service import service as support_service
from domain.service.sla import Priority


@strawberry.input
class OpenTicketInput:
    customer_id: strawberry.ID
    subject: str
    channel: InteractionChannel
    priority: TicketPriority = TicketPriority.NORMAL
    description: str | None = None
    contact_id: strawberry.ID | None = strawberry.field(default=None, description="A contact of that customer.")


@strawberry.type
class OpenTicketPayload:
    ticket: TicketNode | None
    user_errors: list[UserError]


async def open_ticket(info: Info, input: OpenTicketInput) -> OpenTicketPayload:
    try:
        async with in_transaction():
            ticket = await support_service.open_ticket(
                customer_id=decode_input_id(input.customer_id, expected_type="Customer", field="customer_id"),
                contact_id=decode_input_id(input.contact_id, expected_type="Contact", field="contact_id") if input.contact_id else None,
                subject=input.subject, description=input.description, channel=Channel(input.channel.value),
                priority=Priority(input.priority.value), opened_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return OpenTicketPayload(ticket=None, user_errors=[user_error(error)])
    return OpenTicketPayload(ticket=TicketNode.from_model(ticket), user_errors=[])
