"""HR DataLoaders: a page of employees loads its departments, histories, salaries and enrolments in one query each."""

from __future__ import annotations

import uuid

from api.context import Info
from api.loaders import by_id, grouped, loader_for, variant
from api.ordering import Narrowing, Ordering, narrow
from domain.hr import lookups as hr_lookups
from domain.hr import service as hr_service
from domain.hr.models import Department, EmployeeStatus, DepartmentAssignment, Employee, Position, Salary, Training, TrainingEnrolment


def department_by_id(info: Info):
    async def batch(department_ids: list[uuid.UUID]) -> list[Department | None]:
        return by_id(await hr_service.list_departments().filter(id__in=department_ids), department_ids)

    return loader_for(info, "hr.department_by_id", batch)


def position_by_id(info: Info):
    async def batch(position_ids: list[uuid.UUID]) -> list[Position | None]:
        return by_id(await hr_lookups.list_positions().filter(id__in=position_ids), position_ids)

    return loader_for(info, "hr.position_by_id", batch)


def employee_by_id(info: Info):
    async def batch(employee_ids: list[uuid.UUID]) -> list[Employee | None]:
        return by_id(await hr_service.get_employees(employee_ids=employee_ids), employee_ids)

    return loader_for(info, "hr.employee_by_id", batch)


def training_by_id(info: Info):
    async def batch(training_ids: list[uuid.UUID]) -> list[Training | None]:
        return by_id(await hr_lookups.list_trainings().filter(id__in=training_ids), training_ids)

    return loader_for(info, "hr.training_by_id", batch)


def employees_by_department(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    """Each department's employees: the active ones, unless the filter asks for a status of its own."""
    status = None if getattr(filter, "status", None) else EmployeeStatus.ACTIVE

    async def batch(department_ids: list[uuid.UUID]) -> list[list[Employee]]:
        rows = await narrow(hr_service.list_employees(status=status), filter, order).filter(department_id__in=department_ids)
        return grouped(rows, department_ids, lambda row: row.department_id)

    return loader_for(info, f"hr.employees_by_department{variant(filter, order)}", batch)


def assignments_by_employee(info: Info):
    async def batch(employee_ids: list[uuid.UUID]) -> list[list[DepartmentAssignment]]:
        rows = await hr_lookups.department_assignments(employee_ids=employee_ids)
        return grouped(rows, employee_ids, lambda row: row.employee_id)

    return loader_for(info, "hr.assignments_by_employee", batch)


def salaries_by_employee(info: Info):
    async def batch(employee_ids: list[uuid.UUID]) -> list[list[Salary]]:
        rows = await hr_lookups.salaries(employee_ids=employee_ids)
        return grouped(rows, employee_ids, lambda row: row.employee_id)

    return loader_for(info, "hr.salaries_by_employee", batch)


def current_salary_by_employee(info: Info):
    async def batch(employee_ids: list[uuid.UUID]) -> list[Salary | None]:
        current = await hr_lookups.current_salaries(employee_ids=employee_ids)
        return [current.get(employee_id) for employee_id in employee_ids]

    return loader_for(info, "hr.current_salary_by_employee", batch)


def enrolments_by_employee(info: Info):
    async def batch(employee_ids: list[uuid.UUID]) -> list[list[TrainingEnrolment]]:
        rows = await hr_lookups.list_enrolments(employee_ids=employee_ids)
        return grouped(rows, employee_ids, lambda row: row.employee_id)

    return loader_for(info, "hr.enrolments_by_employee", batch)


def enrolments_by_training(info: Info):
    async def batch(training_ids: list[uuid.UUID]) -> list[list[TrainingEnrolment]]:
        rows = await hr_lookups.list_enrolments(training_ids=training_ids)
        return grouped(rows, training_ids, lambda row: row.training_id)

    return loader_for(info, "hr.enrolments_by_training", batch)
