"""HR services: departments, positions, employees and their department history, salaries, recruitment, trainings."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tortoise.expressions import Q
from tortoise.functions import Count
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.errors import DomainError
from domain.hr import events
from domain.hr.errors import HrErrorCode
from domain.hr.models import (
    Candidate,
    Department,
    DepartmentAssignment,
    Employee,
    EmployeeStatus,
    EnrolmentStatus,
    Position,
    RecruitmentStage,
    Salary,
    SalaryPeriod,
    Training,
    TrainingEnrolment,
)
from domain.money import currency_code
from domain.outbox import record_event
from domain.sequences.service import next_number
from domain.validation import optional_text, positive_decimal, required_text
from tenants.ownership import create_owned, scoped

# The order candidates move through; REJECTED can be reached from any open stage.
STAGE_ORDER = [RecruitmentStage.APPLIED, RecruitmentStage.SCREENING, RecruitmentStage.INTERVIEW, RecruitmentStage.OFFER, RecruitmentStage.HIRED]
CLOSED_STAGES = {RecruitmentStage.HIRED, RecruitmentStage.REJECTED}


def _not_found(what: str, field: str) -> DomainError:
    return DomainError(HrErrorCode.NOT_FOUND, f"{what} not found", field=field)


# Departments and positions


def list_departments() -> QuerySet[Department]:
    """The current tenant's departments by name."""
    return scoped(Department).order_by("name")


async def get_department_or_raise(*, department_id: uuid.UUID, field: str = "department_id") -> Department:
    """The department with this id, or NOT_FOUND."""
    department = await scoped(Department).get_or_none(id=department_id)
    if department is None:
        raise _not_found("department", field)
    return department


async def create_department(*, name: str, code: str | None = None) -> Department:
    """Create a department; names are unique within the tenant."""
    name = required_text(name, field="name", max_length=120)
    if await scoped(Department).filter(name=name).exists():
        raise DomainError(HrErrorCode.DUPLICATE, f"a department named {name!r} exists", field="name")
    return await create_owned(Department, name=name, code=optional_text(code, field="code", max_length=20))


async def create_position(*, title: str, department_id: uuid.UUID | None = None) -> Position:
    """Create a job title, optionally in a department."""
    title = required_text(title, field="title", max_length=120)
    department = await get_department_or_raise(department_id=department_id) if department_id else None
    if await scoped(Position).filter(title=title).exists():
        raise DomainError(HrErrorCode.DUPLICATE, f"a position titled {title!r} exists", field="title")
    return await create_owned(Position, title=title, department=department)


async def get_position_or_raise(*, position_id: uuid.UUID, field: str = "position_id") -> Position:
    """The position with this id, or NOT_FOUND."""
    position = await scoped(Position).get_or_none(id=position_id)
    if position is None:
        raise _not_found("position", field)
    return position


# Employees


def list_employees(*, department_id: uuid.UUID | None = None, status: EmployeeStatus | None = None) -> QuerySet[Employee]:
    """Employees by name, optionally of one department or status."""
    query = scoped(Employee)
    if department_id is not None:
        query = query.filter(department_id=department_id)
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("last_name", "first_name", "id")


async def get_employee(*, employee_id: uuid.UUID) -> Employee | None:
    """The employee with this id, or None."""
    return await scoped(Employee).get_or_none(id=employee_id)


async def get_employee_or_raise(*, employee_id: uuid.UUID, field: str = "employee_id") -> Employee:
    """The employee with this id, or NOT_FOUND naming `field`."""
    employee = await get_employee(employee_id=employee_id)
    if employee is None:
        raise _not_found("employee", field)
    return employee


async def get_active_employee_or_raise(*, employee_id: uuid.UUID, field: str = "employee_id") -> Employee:
    """The employee with this id if still employed; NOT_FOUND or EMPLOYEE_TERMINATED otherwise."""
    employee = await get_employee_or_raise(employee_id=employee_id, field=field)
    if employee.status is EmployeeStatus.TERMINATED:
        raise DomainError(HrErrorCode.EMPLOYEE_TERMINATED, "the employee has left", field=field)
    return employee


async def hire_employee(
    *,
    first_name: str,
    last_name: str,
    hired_on: date,
    department_id: uuid.UUID,
    position_id: uuid.UUID | None = None,
    email: str | None = None,
    employee_number: str | None = None,
    hired_by: str | None = None,
) -> Employee:
    """Hire a person into a department (its first assignment), and record `hr.employee_hired`."""
    department = await get_department_or_raise(department_id=department_id)
    position = await get_position_or_raise(position_id=position_id) if position_id else None
    async with in_transaction():
        if employee_number is None:
            employee_number = await next_number(model=Employee, prefix="E-", field="employee_number")
        else:
            employee_number = required_text(employee_number, field="employee_number", max_length=20)
            if await scoped(Employee).filter(employee_number=employee_number).exists():
                raise DomainError(HrErrorCode.DUPLICATE, f"employee number {employee_number} is taken", field="employee_number")
        employee = await create_owned(
            Employee,
            employee_number=employee_number,
            first_name=required_text(first_name, field="first_name", max_length=100),
            last_name=required_text(last_name, field="last_name", max_length=100),
            email=optional_text(email, field="email", max_length=254),
            hired_on=hired_on,
            department=department,
            position=position,
        )
        await create_owned(
            DepartmentAssignment, employee=employee, department=department, started_on=hired_on, assigned_by=hired_by
        )
        await record_event(
            event_type=events.EMPLOYEE_HIRED,
            payload=events.employee_hired(employee),
            idempotency_key=f"{events.EMPLOYEE_HIRED}:{employee.id}",
        )
    return employee


async def assign_employee_to_department(
    *, employee_id: uuid.UUID, department_id: uuid.UUID, on: date | None = None, assigned_by: str | None = None
) -> DepartmentAssignment:
    """Move an employee to another department from `on`, closing the current assignment."""
    on = on or clock.today()
    department = await get_department_or_raise(department_id=department_id)
    async with in_transaction():
        employee = await scoped(Employee).select_for_update().get_or_none(id=employee_id)
        if employee is None:
            raise _not_found("employee", "employee_id")
        if employee.status is EmployeeStatus.TERMINATED:
            raise DomainError(HrErrorCode.EMPLOYEE_TERMINATED, "the employee has left", field="employee_id")
        if employee.department_id == department.id:
            raise DomainError(HrErrorCode.ALREADY_IN_DEPARTMENT, "the employee is already in this department", field="department_id")
        current = await scoped(DepartmentAssignment).filter(employee_id=employee.id, ended_on=None).first()
        if current is not None:
            if on <= current.started_on:
                raise DomainError(
                    HrErrorCode.DATE_BEFORE_CURRENT_ASSIGNMENT, "the move must be after the current assignment started", field="on"
                )
            current.ended_on = on
            await current.save(update_fields=["ended_on", "updated_at"])
        assignment = await create_owned(
            DepartmentAssignment, employee=employee, department=department, started_on=on, assigned_by=assigned_by
        )
        previous = employee.department_id
        employee.department = department
        await employee.save(update_fields=["department_id", "updated_at"])
        await record_event(
            event_type=events.EMPLOYEE_DEPARTMENT_CHANGED,
            payload=events.employee_department_changed(assignment, previous_department_id=previous),
            idempotency_key=f"{events.EMPLOYEE_DEPARTMENT_CHANGED}:{assignment.id}",
        )
    return assignment


def department_history(*, employee_id: uuid.UUID) -> QuerySet[DepartmentAssignment]:
    """An employee's department assignments, oldest first."""
    return scoped(DepartmentAssignment).filter(employee_id=employee_id).order_by("started_on", "created_at")


async def terminate_employee(*, employee_id: uuid.UUID, on: date) -> Employee:
    """End an employment on `on`, closing the open department assignment."""
    async with in_transaction():
        employee = await scoped(Employee).select_for_update().get_or_none(id=employee_id)
        if employee is None:
            raise _not_found("employee", "employee_id")
        if employee.status is EmployeeStatus.TERMINATED:
            raise DomainError(HrErrorCode.EMPLOYEE_TERMINATED, "the employee has already left", field="employee_id")
        if on < employee.hired_on:
            raise DomainError(HrErrorCode.INVALID_DATES, "termination is before the hire date", field="on")
        await scoped(DepartmentAssignment).filter(employee_id=employee.id, ended_on=None).update(ended_on=on)
        employee.status = EmployeeStatus.TERMINATED
        employee.terminated_on = on
        await employee.save(update_fields=["status", "terminated_on", "updated_at"])
        await record_event(
            event_type=events.EMPLOYEE_TERMINATED,
            payload=events.employee_terminated(employee),
            idempotency_key=f"{events.EMPLOYEE_TERMINATED}:{employee.id}",
        )
    return employee


# Salaries


async def set_salary(
    *, employee_id: uuid.UUID, amount: Decimal, currency: str, period: SalaryPeriod, effective_from: date
) -> Salary:
    """Record an employee's pay from `effective_from`; one salary row per date."""
    employee = await get_employee_or_raise(employee_id=employee_id)
    amount = positive_decimal(amount, field="amount")
    currency = currency_code(currency)
    if await scoped(Salary).filter(employee_id=employee.id, effective_from=effective_from).exists():
        raise DomainError(HrErrorCode.DUPLICATE, "a salary already starts on this date", field="effective_from")
    return await create_owned(
        Salary, employee=employee, amount=amount, currency=currency, period=SalaryPeriod(period), effective_from=effective_from
    )


async def current_salary(*, employee_id: uuid.UUID, on: date | None = None) -> Salary | None:
    """The salary in force on `on` (today by default), or None."""
    on = on or clock.today()
    return await scoped(Salary).filter(employee_id=employee_id, effective_from__lte=on).order_by("-effective_from").first()


def salary_history(*, employee_id: uuid.UUID) -> QuerySet[Salary]:
    """An employee's salaries, oldest first."""
    return scoped(Salary).filter(employee_id=employee_id).order_by("effective_from")


# Recruitment


def list_candidates(*, stage: RecruitmentStage | None = None) -> QuerySet[Candidate]:
    """Candidates, newest first, optionally in one stage."""
    query = scoped(Candidate)
    if stage is not None:
        query = query.filter(stage=stage)
    return query.order_by("-applied_on", "-created_at")


async def get_candidate_or_raise(*, candidate_id: uuid.UUID) -> Candidate:
    """The candidate with this id, or NOT_FOUND."""
    candidate = await scoped(Candidate).get_or_none(id=candidate_id)
    if candidate is None:
        raise _not_found("candidate", "candidate_id")
    return candidate


async def create_candidate(
    *, first_name: str, last_name: str, applied_on: date, email: str | None = None, position_id: uuid.UUID | None = None
) -> Candidate:
    """Register an applicant, in the APPLIED stage."""
    position = await get_position_or_raise(position_id=position_id) if position_id else None
    return await create_owned(
        Candidate,
        first_name=required_text(first_name, field="first_name", max_length=100),
        last_name=required_text(last_name, field="last_name", max_length=100),
        email=optional_text(email, field="email", max_length=254),
        position=position,
        applied_on=applied_on,
    )


async def move_candidate_to_stage(*, candidate_id: uuid.UUID, stage: RecruitmentStage) -> Candidate:
    """Move a candidate forward (stages may be skipped) or reject them; hiring goes through `hire_candidate`."""
    stage = RecruitmentStage(stage)
    candidate = await get_candidate_or_raise(candidate_id=candidate_id)
    if candidate.stage in CLOSED_STAGES:
        raise DomainError(HrErrorCode.CANDIDATE_CLOSED, f"the candidate is already {candidate.stage}", field="candidate_id")
    if stage is RecruitmentStage.HIRED:
        raise DomainError(HrErrorCode.STAGE_NOT_FORWARD, "hire a candidate with hire_candidate", field="stage")
    if stage is not RecruitmentStage.REJECTED and STAGE_ORDER.index(stage) <= STAGE_ORDER.index(candidate.stage):
        raise DomainError(HrErrorCode.STAGE_NOT_FORWARD, f"cannot move from {candidate.stage} back to {stage}", field="stage")
    candidate.stage = stage
    candidate.stage_changed_at = clock.now()
    await candidate.save(update_fields=["stage", "stage_changed_at", "updated_at"])
    return candidate


async def hire_candidate(
    *, candidate_id: uuid.UUID, hired_on: date, department_id: uuid.UUID, position_id: uuid.UUID | None = None, hired_by: str | None = None
) -> Employee:
    """Hire a candidate who has an offer: creates the employee and closes the candidacy."""
    async with in_transaction():
        candidate = await scoped(Candidate).select_for_update().get_or_none(id=candidate_id)
        if candidate is None:
            raise _not_found("candidate", "candidate_id")
        if candidate.stage is not RecruitmentStage.OFFER:
            raise DomainError(HrErrorCode.NO_OFFER, "only a candidate with an offer can be hired", field="candidate_id")
        employee = await hire_employee(
            first_name=candidate.first_name,
            last_name=candidate.last_name,
            email=candidate.email,
            hired_on=hired_on,
            department_id=department_id,
            position_id=position_id or candidate.position_id,
            hired_by=hired_by,
        )
        candidate.stage = RecruitmentStage.HIRED
        candidate.stage_changed_at = clock.now()
        candidate.hired_employee = employee
        await candidate.save(update_fields=["stage", "stage_changed_at", "hired_employee_id", "updated_at"])
    return employee


# Trainings


async def create_training(*, title: str, starts_on: date, ends_on: date | None = None, capacity: int | None = None) -> Training:
    """Schedule a training, optionally with a capacity."""
    if ends_on is not None and ends_on < starts_on:
        raise DomainError(HrErrorCode.INVALID_DATES, "a training cannot end before it starts", field="ends_on")
    if capacity is not None and capacity < 1:
        raise DomainError(HrErrorCode.INVALID_DATES, "capacity must be at least 1", field="capacity")
    return await create_owned(
        Training, title=required_text(title, field="title", max_length=200), starts_on=starts_on, ends_on=ends_on, capacity=capacity
    )


async def enrol_employee(*, training_id: uuid.UUID, employee_id: uuid.UUID) -> TrainingEnrolment:
    """Give an employee a place in a training, within its capacity."""
    async with in_transaction():
        training = await scoped(Training).select_for_update().get_or_none(id=training_id)
        if training is None:
            raise _not_found("training", "training_id")
        employee = await get_active_employee_or_raise(employee_id=employee_id)
        enrolments = scoped(TrainingEnrolment).filter(training_id=training.id)
        if await enrolments.filter(employee_id=employee.id).exists():
            raise DomainError(HrErrorCode.ALREADY_ENROLLED, "the employee is already enrolled", field="employee_id")
        taken = await enrolments.exclude(status=EnrolmentStatus.CANCELLED).count()
        if training.capacity is not None and taken >= training.capacity:
            raise DomainError(HrErrorCode.TRAINING_FULL, "the training is full", field="training_id")
        return await create_owned(TrainingEnrolment, training=training, employee=employee)


async def complete_training(*, enrolment_id: uuid.UUID, completed_on: date) -> TrainingEnrolment:
    """Mark an enrolment completed."""
    enrolment = await scoped(TrainingEnrolment).get_or_none(id=enrolment_id)
    if enrolment is None:
        raise _not_found("enrolment", "enrolment_id")
    if enrolment.status is not EnrolmentStatus.ENROLLED:
        raise DomainError(HrErrorCode.ENROLMENT_CLOSED, f"the enrolment is {enrolment.status}", field="enrolment_id")
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.completed_on = completed_on
    await enrolment.save(update_fields=["status", "completed_on", "updated_at"])
    return enrolment


# Read models


@dataclass(frozen=True)
class DepartmentHeadcount:
    department_id: uuid.UUID
    name: str
    headcount: int


async def headcount_by_department(*, on: date | None = None) -> list[DepartmentHeadcount]:
    """Employees per department on `on` (today by default), every department listed, by name."""
    on = on or clock.today()
    rows = (
        await scoped(DepartmentAssignment)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on), started_on__lte=on)
        .annotate(headcount=Count("id"))
        .group_by("department_id")
        .values("department_id", "headcount")
    )
    by_department: dict[uuid.UUID, int] = {}
    for row in rows:
        by_department[uuid.UUID(str(row["department_id"]))] = row["headcount"]
    return [
        DepartmentHeadcount(department_id=department.id, name=department.name, headcount=by_department.get(department.id, 0))
        for department in await list_departments()
    ]


async def get_employees(*, employee_ids: Sequence[uuid.UUID]) -> list[Employee]:
    """The employees among these ids that belong to the current tenant."""
    return await scoped(Employee).filter(id__in=list(employee_ids))
