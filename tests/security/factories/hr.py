"""Attack-suite factories for HR's Node types."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from domain.hr import lookups as hr_lookups
from domain.hr import service as hr_service
from domain.hr.models import RecruitmentStage, SalaryPeriod


async def _employee(marker: str, label: str):
    department = await hr_service.create_department(name=f"{marker} {label} department")
    return await hr_service.hire_employee(first_name=marker, last_name=label, hired_on=date(2024, 1, 8), department_id=department.id)


async def department(marker: str) -> uuid.UUID:
    return (await hr_service.create_department(name=f"{marker} Department")).id


async def position(marker: str) -> uuid.UUID:
    return (await hr_service.create_position(title=f"{marker} Position")).id


async def employee(marker: str) -> uuid.UUID:
    return (await _employee(marker, "Employee")).id


async def department_assignment(marker: str) -> uuid.UUID:
    hired = await _employee(marker, "Assigned")
    [assignment] = await hr_lookups.department_assignments(employee_ids=[hired.id])
    return assignment.id


async def salary(marker: str) -> uuid.UUID:
    hired = await _employee(marker, "Salaried")
    paid = await hr_service.set_salary(
        employee_id=hired.id, amount=Decimal("4321.00"), currency="EUR", period=SalaryPeriod.MONTHLY, effective_from=date(2024, 1, 8)
    )
    return paid.id


async def candidate(marker: str) -> uuid.UUID:
    applicant = await hr_service.create_candidate(first_name=marker, last_name="Candidate", applied_on=date(2024, 2, 1))
    await hr_service.move_candidate_to_stage(candidate_id=applicant.id, stage=RecruitmentStage.OFFER)
    return applicant.id


async def training(marker: str) -> uuid.UUID:
    return (await hr_service.create_training(title=f"{marker} Training", starts_on=date(2024, 3, 1), capacity=5)).id


async def training_enrolment(marker: str) -> uuid.UUID:
    course = await hr_service.create_training(title=f"{marker} Enrolment training", starts_on=date(2024, 3, 1))
    enrolled = await _employee(marker, "Trainee")
    return (await hr_service.enrol_employee(training_id=course.id, employee_id=enrolled.id)).id


FACTORIES = {
    "Department": department,
    "Position": position,
    "Employee": employee,
    "DepartmentAssignment": department_assignment,
    "Salary": salary,
    "Candidate": candidate,
    "Training": training,
    "TrainingEnrolment": training_enrolment,
}
