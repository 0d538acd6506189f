"""HR reads the service module lacked: positions and trainings as lists, and batch reads that load the
rows of many employees or trainings in one query (what the graph's DataLoaders call)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from tortoise.queryset import QuerySet

from domain import clock
from domain.hr.models import DepartmentAssignment, Position, Salary, Training, TrainingEnrolment
from tenants.ownership import scoped


def list_positions(*, department_id: uuid.UUID | None = None) -> QuerySet[Position]:
    """Positions by title, optionally of one department."""
    query = scoped(Position)
    if department_id is not None:
        query = query.filter(department_id=department_id)
    return query.order_by("title", "id")


def list_trainings() -> QuerySet[Training]:
    """Trainings, soonest first."""
    return scoped(Training).order_by("starts_on", "title", "id")


def list_enrolments(
    *, training_ids: Sequence[uuid.UUID] | None = None, employee_ids: Sequence[uuid.UUID] | None = None
) -> QuerySet[TrainingEnrolment]:
    """Training enrolments, oldest first, optionally of some trainings or employees."""
    query = scoped(TrainingEnrolment)
    if training_ids is not None:
        query = query.filter(training_id__in=list(training_ids))
    if employee_ids is not None:
        query = query.filter(employee_id__in=list(employee_ids))
    return query.order_by("created_at", "id")


def department_assignments(*, employee_ids: Sequence[uuid.UUID] | None = None) -> QuerySet[DepartmentAssignment]:
    """Department assignments, each employee's oldest first, optionally of some employees."""
    query = scoped(DepartmentAssignment)
    if employee_ids is not None:
        query = query.filter(employee_id__in=list(employee_ids))
    return query.order_by("started_on", "created_at", "id")


def salaries(*, employee_ids: Sequence[uuid.UUID] | None = None) -> QuerySet[Salary]:
    """Salaries, each employee's oldest first, optionally of some employees."""
    query = scoped(Salary)
    if employee_ids is not None:
        query = query.filter(employee_id__in=list(employee_ids))
    return query.order_by("effective_from", "id")


async def current_salaries(*, employee_ids: Sequence[uuid.UUID], on: date | None = None) -> dict[uuid.UUID, Salary]:
    """The salary in force on `on` (today by default) for each of these employees that has one, in one query."""
    on = on or clock.today()
    current: dict[uuid.UUID, Salary] = {}
    # Oldest first: a later row of the same employee replaces an earlier one.
    for salary in await salaries(employee_ids=employee_ids).filter(effective_from__lte=on):
        current[salary.employee_id] = salary
    return current
