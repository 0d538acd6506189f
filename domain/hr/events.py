"""HR domain events (ids and business values only, never names or contact details)."""

from __future__ import annotations

from typing import Any

from domain.hr.models import DepartmentAssignment, Employee
from domain.outbox.payloads import payload

EMPLOYEE_HIRED = "hr.employee_hired"
EMPLOYEE_DEPARTMENT_CHANGED = "hr.employee_department_changed"
EMPLOYEE_TERMINATED = "hr.employee_terminated"


def employee_hired(employee: Employee) -> dict[str, Any]:
    return payload(
        employee_id=employee.id,
        employee_number=employee.employee_number,
        department_id=employee.department_id,
        position_id=employee.position_id,
        hired_on=employee.hired_on,
    )


def employee_department_changed(assignment: DepartmentAssignment, *, previous_department_id: object) -> dict[str, Any]:
    return payload(
        employee_id=assignment.employee_id,
        assignment_id=assignment.id,
        department_id=assignment.department_id,
        previous_department_id=previous_department_id,
        started_on=assignment.started_on,
    )


def employee_terminated(employee: Employee) -> dict[str, Any]:
    return payload(employee_id=employee.id, terminated_on=employee.terminated_on)
