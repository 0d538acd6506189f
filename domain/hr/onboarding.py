"""Onboarding a new hire: the training plan, and finding colleagues by their work email."""

from __future__ import annotations

import uuid
from datetime import timedelta

from domain.hr.models import Employee, EmployeeStatus, EnrolmentStatus, Training, TrainingEnrolment
from domain.hr.service import enrol_employee, get_active_employee_or_raise
from tenants.ownership import scoped

ONBOARDING_WINDOW_DAYS = 60


async def plan_onboarding_training(*, employee_id: uuid.UUID, window_days: int = ONBOARDING_WINDOW_DAYS) -> list[TrainingEnrolment]:
    """Enrol a new hire in every training starting within `window_days` of the hire date that has room;
    trainings the employee is already in are skipped. Returns the new enrolments, by start date."""
    employee = await get_active_employee_or_raise(employee_id=employee_id)
    trainings = await scoped(Training).filter(
        starts_on__gte=employee.hired_on, starts_on__lte=employee.hired_on + timedelta(days=window_days)
    ).order_by("starts_on", "title")
    already = set(await scoped(TrainingEnrolment).filter(employee_id=employee.id).values_list("training_id", flat=True))
    enrolments = []
    for training in trainings:
        if training.id in already:
            continue
        taken = await scoped(TrainingEnrolment).filter(training_id=training.id).exclude(status=EnrolmentStatus.CANCELLED).count()
        if training.capacity is not None and taken >= training.capacity:
            continue
        enrolments.append(await enrol_employee(training_id=training.id, employee_id=employee.id))
    return enrolments


async def find_active_employee_by_email(*, email: str) -> Employee | None:
    """The active employee with this work email (case-insensitive), or None."""
    if not email or "@" not in email:
        return None
    return await scoped(Employee).filter(email__iexact=email.strip(), status=EmployeeStatus.ACTIVE).first()
