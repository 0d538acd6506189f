"""changeTicketStatus"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.service.enums import TicketStatus
from api.service.types import TicketNode
from domain.errors import DomainError
from domain.service import service as support_service
from domain.service.models import TicketStatus as DomainStatus


@strawberry.input
class ChangeTicketStatusInput:
    ticket_id: strawberry.ID
    status: TicketStatus = strawberry.field(
        description="WAITING_ON_CUSTOMER stops the SLA clock; leaving it restarts the clock and moves the due time by the pause."
    )
    note: str | None = None


@strawberry.type
class ChangeTicketStatusPayload:
    ticket: TicketNode | None
    user_errors: list[UserError]


async def change_ticket_status(info: Info, input: ChangeTicketStatusInput) -> ChangeTicketStatusPayload:
    try:
        async with in_transaction():
            ticket = await support_service.change_ticket_status(
                ticket_id=decode_input_id(input.ticket_id, expected_type="Ticket", field="ticket_id"),
                status=DomainStatus(input.status.value), note=input.note, changed_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return ChangeTicketStatusPayload(ticket=None, user_errors=[user_error(error)])
    return ChangeTicketStatusPayload(ticket=TicketNode.from_model(ticket), user_errors=[])
