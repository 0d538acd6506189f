"""IT for a new hire: one equipment request per new starter, raised in their name."""

from __future__ import annotations

import uuid
from datetime import timedelta

from domain import clock
from domain.hr import service as hr_service
from domain.it.models import RequestPriority, SupportRequest
from domain.it.service import open_support_request
from tenants.ownership import scoped

URGENT_WITHIN_DAYS = 7


def equipment_request_subject(employee_number: str) -> str:
    return f"New starter equipment for {employee_number}"


async def request_new_starter_equipment(*, employee_id: uuid.UUID) -> SupportRequest:
    """Ask IT for the new hire's laptop, accounts and access (once: an existing request is returned);
    high priority when the start date is within a week."""
    employee = await hr_service.get_active_employee_or_raise(employee_id=employee_id)
    subject = equipment_request_subject(employee.employee_number)
    existing = await scoped(SupportRequest).filter(requester_id=employee.id, subject=subject).first()
    if existing is not None:
        return existing
    soon = employee.hired_on <= clock.today() + timedelta(days=URGENT_WITHIN_DAYS)
    return await open_support_request(
        requester_id=employee.id,
        subject=subject,
        description=f"Laptop, accounts and building access for {employee.employee_number}, starting {employee.hired_on.isoformat()}.",
        priority=RequestPriority.HIGH if soon else RequestPriority.NORMAL,
    )
