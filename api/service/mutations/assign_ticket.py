"""assignTicket"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.service.types import TicketNode
from domain.errors import DomainError
from domain.service import service as support_service


@strawberry.input
class AssignTicketInput:
    ticket_id: strawberry.ID
    employee_id: strawberry.ID | None = strawberry.field(description="An active employee; null unassigns the ticket.")


@strawberry.type
class AssignTicketPayload:
    ticket: TicketNode | None
    user_errors: list[UserError]


async def assign_ticket(info: Info, input: AssignTicketInput) -> AssignTicketPayload:
    try:
        async with in_transaction():
            ticket = await support_service.assign_ticket(
                ticket_id=decode_input_id(input.ticket_id, expected_type="Ticket", field="ticket_id"),
                employee_id=decode_input_id(input.employee_id, expected_type="Employee", field="employee_id") if input.employee_id else None,
                assigned_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return AssignTicketPayload(ticket=None, user_errors=[user_error(error)])
    return AssignTicketPayload(ticket=TicketNode.from_model(ticket), user_errors=[])
