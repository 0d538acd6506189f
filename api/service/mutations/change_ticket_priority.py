"""changeTicketPriority"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.service.enums import TicketPriority
from api.service.types import TicketNode
from domain.errors import DomainError
from domain.service import service as support_service
from domain.service.sla import Priority


@strawberry.input
class ChangeTicketPriorityInput:
    ticket_id: strawberry.ID
    priority: TicketPriority = strawberry.field(description="The SLA due time becomes the new target after opening, plus the time paused so far.")


@strawberry.type
class ChangeTicketPriorityPayload:
    ticket: TicketNode | None
    user_errors: list[UserError]


async def change_ticket_priority(info: Info, input: ChangeTicketPriorityInput) -> ChangeTicketPriorityPayload:
    try:
        async with in_transaction():
            ticket = await support_service.change_ticket_priority(
                ticket_id=decode_input_id(input.ticket_id, expected_type="Ticket", field="ticket_id"),
                priority=Priority(input.priority.value), changed_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return ChangeTicketPriorityPayload(ticket=None, user_errors=[user_error(error)])
    return ChangeTicketPriorityPayload(ticket=TicketNode.from_model(ticket), user_errors=[])
