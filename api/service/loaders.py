"""Customer service DataLoaders: a page of tickets loads status histories and assignees in one query each."""

from __future__ import annotations

import uuid

from api.context import Info
from api.loaders import by_id, grouped, loader_for, variant
from api.ordering import Narrowing, Ordering, narrow
from domain.hr import service as hr_service
from domain.service import service as support_service
from domain.service.models import Ticket, TicketStatusChange


def ticket_by_id(info: Info):
    async def batch(ticket_ids: list[uuid.UUID]) -> list[Ticket | None]:
        return by_id(await support_service.list_tickets().filter(id__in=ticket_ids), ticket_ids)

    return loader_for(info, "service.ticket_by_id", batch)


def status_history_by_ticket(info: Info):
    async def batch(ticket_ids: list[uuid.UUID]) -> list[list[TicketStatusChange]]:
        rows = await support_service.list_ticket_status_changes(ticket_ids=ticket_ids)
        return grouped(rows, ticket_ids, lambda row: row.ticket_id)

    return loader_for(info, "service.status_history_by_ticket", batch)


def tickets_by_customer(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    async def batch(customer_ids: list[uuid.UUID]) -> list[list[Ticket]]:
        rows = await narrow(support_service.list_tickets(), filter, order).filter(customer_id__in=customer_ids)
        return grouped(rows, customer_ids, lambda row: row.customer_id)

    return loader_for(info, f"service.tickets_by_customer{variant(filter, order)}", batch)


def assignee_name_by_id(info: Info):
    """The display names of the employees tickets are assigned to."""

    async def batch(employee_ids: list[uuid.UUID]) -> list[str | None]:
        employees = by_id(await hr_service.get_employees(employee_ids=employee_ids), employee_ids)
        return [f"{employee.first_name} {employee.last_name}" if employee else None for employee in employees]

    return loader_for(info, "service.assignee_name_by_id", batch)
