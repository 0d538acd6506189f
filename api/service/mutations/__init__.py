"""Customer service mutations, one per module."""

import strawberry

from api.permissions import Requires
from api.service.mutations.assign_ticket import AssignTicketPayload, assign_ticket
from api.service.mutations.change_ticket_priority import ChangeTicketPriorityPayload, change_ticket_priority
from api.service.mutations.change_ticket_status import ChangeTicketStatusPayload, change_ticket_status
from api.service.mutations.open_ticket import OpenTicketPayload, open_ticket
from tenants.permissions import Scope

SERVICE_WRITE = [Requires(Scope.SERVICE_WRITE)]


def _mutation(resolver, description: str):
    return strawberry.mutation(resolver=resolver, permission_classes=SERVICE_WRITE, description=description)


@strawberry.type
class ServiceMutation:
    open_ticket: OpenTicketPayload = _mutation(open_ticket, "Open a ticket for a customer; its SLA is due the priority's target after now.")
    change_ticket_status: ChangeTicketStatusPayload = _mutation(
        change_ticket_status, "Move a ticket to another status, recorded in its status history."
    )
    change_ticket_priority: ChangeTicketPriorityPayload = _mutation(
        change_ticket_priority, "Re-prioritise a ticket, which moves its SLA due time."
    )
    assign_ticket: AssignTicketPayload = _mutation(
        assign_ticket, "Give a ticket to an active employee (null unassigns it); a NEW ticket becomes OPEN."
    )
