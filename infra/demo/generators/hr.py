"""HR demo data: departments and positions, employees with salaries and department history, leavers,
candidates in every recruitment stage, and trainings with enrolments."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from domain.hr import service as hr_service
from domain.hr.models import RecruitmentStage, SalaryPeriod
from infra.demo.generators.draws import chance, money, scaled, weighted
from infra.demo.generators.names import email_local_part, person
from infra.demo.generators.timeline import Timeline, month_end

# (name, code, share of the workforce, positions with their monthly pay range)
DEPARTMENTS = [
    ("Sales", "SAL", 20, [("Account Executive", 4200, 6500), ("Sales Manager", 6500, 9000), ("Sales Development Representative", 3200, 4200)]),
    ("Customer Service", "SRV", 18, [("Support Agent", 2900, 3800), ("Service Team Lead", 4200, 5200)]),
    ("Operations", "OPS", 18, [("Warehouse Operative", 2600, 3300), ("Logistics Planner", 3600, 4600), ("Operations Manager", 5800, 7500)]),
    ("Finance", "FIN", 8, [("Accountant", 3900, 5200), ("Controller", 5500, 7000)]),
    ("Marketing", "MKT", 8, [("Marketing Specialist", 3600, 4800), ("Campaign Manager", 4800, 6200)]),
    ("Human Resources", "HR", 5, [("HR Business Partner", 4200, 5600), ("Recruiter", 3500, 4500)]),
    ("IT", "IT", 9, [("IT Support Specialist", 3400, 4500), ("Systems Administrator", 4600, 6200)]),
    ("Legal", "LEG", 5, [("Legal Counsel", 5800, 8000), ("Contract Manager", 4500, 5800)]),
    ("Management", "MGT", 4, [("Managing Director", 9500, 13000), ("Chief Operating Officer", 8500, 11000)]),
]
TRAININGS = [
    "Workplace safety refresher", "Forklift licence", "Negotiation skills", "GDPR essentials", "Excel for finance",
    "Customer empathy workshop", "Leadership foundations", "Cybersecurity awareness", "Lean warehouse", "Contract law basics",
    "Product deep dive", "First aid at work",
]
CANDIDATE_OUTCOMES = [
    (RecruitmentStage.APPLIED, 24), (RecruitmentStage.SCREENING, 18), (RecruitmentStage.INTERVIEW, 16),
    (RecruitmentStage.OFFER, 8), (RecruitmentStage.REJECTED, 24), (RecruitmentStage.HIRED, 10),
]
STEPS = [RecruitmentStage.SCREENING, RecruitmentStage.INTERVIEW, RecruitmentStage.OFFER]
HIRED_BY = "hr@demo"


@dataclass(frozen=True)
class EmployeeRef:
    id: uuid.UUID
    name: str
    department: str
    hired_on: date


# An employee's pay, as the payroll needs it: (hired on, raise from, salary, raised salary, left on).
Pay = tuple[date, date | None, Decimal, Decimal | None, date | None]


@dataclass
class HrIds:
    """Who works for the tenant now, by department, and what their pay costs each month."""

    employees: list[EmployeeRef] = field(default_factory=list)  # active only
    monthly_payroll: dict[date, Decimal] = field(default_factory=dict)  # month start -> gross pay

    def in_department(self, *names: str) -> list[EmployeeRef]:
        """Active employees of these departments (all active employees if none of them has any)."""
        found = [employee for employee in self.employees if employee.department in names]
        return found or self.employees


@dataclass(frozen=True)
class _Organisation:
    departments: dict[str, uuid.UUID]
    positions: dict[str, tuple[uuid.UUID, str, int, int]]  # title -> (id, department, pay from, pay to)

    def titles_in(self, department: str) -> list[str]:
        return [title for title, (_, name, _, _) in self.positions.items() if name == department]


def employee_count(size: int) -> int:
    return scaled(size, 1 / 30, minimum=2 * len(DEPARTMENTS))


def candidate_count(size: int) -> int:
    return scaled(size, 1 / 40, minimum=6)


def training_count(size: int) -> int:
    return scaled(size, 1 / 150, minimum=3)


def planned_units(size: int) -> int:
    return employee_count(size) + candidate_count(size) + training_count(size)


async def generate_hr(rng: random.Random, *, size: int, timeline: Timeline, currency: str, advance: Callable[[int], None]) -> HrIds:
    """Create the organisation and its people; returns the active employees and the monthly payroll."""
    organisation = await _organisation()
    ids = HrIds()
    pay: list[Pay] = []
    for index in range(employee_count(size)):
        # Every department gets two people first, then headcount follows each department's share.
        department = DEPARTMENTS[index // 2][0] if index < 2 * len(DEPARTMENTS) else weighted(rng, [(row[0], row[2]) for row in DEPARTMENTS])
        employee_id, name, hired_on, salary = await _hire(rng, timeline, currency, organisation, department)
        moved_on, department = await _maybe_move(rng, timeline, employee_id, hired_on, department, organisation)
        left_on = await _maybe_leave(rng, timeline, employee_id, after=moved_on or hired_on)
        pay.append((*salary, left_on))
        if left_on is None:
            ids.employees.append(EmployeeRef(employee_id, name, department, hired_on))
        advance(1)
    for ref, salary in await _recruit(rng, timeline, currency, organisation, candidate_count(size), advance):
        pay.append((*salary, None))
        ids.employees.append(ref)
    await _train(rng, timeline, ids.employees, training_count(size), advance)
    ids.monthly_payroll = _payroll(timeline, pay)
    return ids


async def _organisation() -> _Organisation:
    departments: dict[str, uuid.UUID] = {}
    positions: dict[str, tuple[uuid.UUID, str, int, int]] = {}
    for name, code, _, titles in DEPARTMENTS:
        department = await hr_service.create_department(name=name, code=code)
        departments[name] = department.id
        for title, low, high in titles:
            position = await hr_service.create_position(title=title, department_id=department.id)
            positions[title] = (position.id, name, low, high)
    return _Organisation(departments, positions)


async def _hire(rng: random.Random, timeline: Timeline, currency: str, organisation: _Organisation, department: str):
    position_id, _, low, high = organisation.positions[rng.choice(organisation.titles_in(department))]
    first_name, last_name = person(rng)
    hired_on = timeline.day(rng, timeline.as_of - timedelta(days=9 * 365), timeline.as_of - timedelta(days=45))
    employee = await hr_service.hire_employee(
        first_name=first_name, last_name=last_name, hired_on=hired_on, department_id=organisation.departments[department],
        position_id=position_id, email=f"{email_local_part(first_name, last_name)}@staff.example", hired_by=HIRED_BY,
    )
    salary = await _pay(rng, timeline, currency, employee.id, hired_on, low, high)
    return employee.id, f"{first_name} {last_name}", hired_on, salary


async def _pay(rng: random.Random, timeline: Timeline, currency: str, employee_id: uuid.UUID, hired_on: date, low: int, high: int):
    """A monthly salary from the hire date and, for about half of those hired before the year, a raise in it."""
    amount = money(rng, low, high, step=50)
    await hr_service.set_salary(employee_id=employee_id, amount=amount, currency=currency, period=SalaryPeriod.MONTHLY, effective_from=hired_on)
    raise_on, raised = None, None
    if hired_on < timeline.start and chance(rng, 0.5):
        raise_on = timeline.months()[rng.randint(1, 9)]
        raised = (amount * Decimal(rng.choice(["1.03", "1.04", "1.05", "1.08"]))).quantize(Decimal(1))
        await hr_service.set_salary(employee_id=employee_id, amount=raised, currency=currency, period=SalaryPeriod.MONTHLY, effective_from=raise_on)
    return hired_on, raise_on, amount, raised


async def _maybe_move(
    rng: random.Random, timeline: Timeline, employee_id: uuid.UUID, hired_on: date, department: str, organisation: _Organisation
) -> tuple[date | None, str]:
    """About one in seven employees who stayed long enough changed department once."""
    earliest, latest = hired_on + timedelta(days=120), timeline.as_of - timedelta(days=30)
    if earliest >= latest or not chance(rng, 0.15):
        return None, department
    target = rng.choice([name for name in organisation.departments if name != department])
    on = timeline.day(rng, earliest, latest)
    await hr_service.assign_employee_to_department(
        employee_id=employee_id, department_id=organisation.departments[target], on=on, assigned_by=HIRED_BY
    )
    return on, target


async def _maybe_leave(rng: random.Random, timeline: Timeline, employee_id: uuid.UUID, *, after: date) -> date | None:
    """About one in fifteen employees left during the year."""
    earliest = max(after, timeline.start) + timedelta(days=1)
    if earliest >= timeline.yesterday or not chance(rng, 0.07):
        return None
    on = timeline.day(rng, earliest, timeline.yesterday)
    await hr_service.terminate_employee(employee_id=employee_id, on=on)
    return on


async def _recruit(
    rng: random.Random, timeline: Timeline, currency: str, organisation: _Organisation, count: int, advance: Callable[[int], None]
) -> list[tuple[EmployeeRef, tuple]]:
    """Candidates who applied in the last five months, in every stage; those hired become employees."""
    hired = []
    for _ in range(count):
        title = rng.choice(list(organisation.positions))
        position_id, department, low, high = organisation.positions[title]
        first_name, last_name = person(rng)
        applied_on = timeline.recent_day(rng, within_days=150)
        candidate = await hr_service.create_candidate(
            first_name=first_name, last_name=last_name, applied_on=applied_on, position_id=position_id,
            email=f"{email_local_part(first_name, last_name)}@mail.example",
        )
        outcome = weighted(rng, CANDIDATE_OUTCOMES)
        hired_on = applied_on + timedelta(days=rng.randint(21, 60))
        if outcome is RecruitmentStage.HIRED and hired_on >= timeline.as_of:
            outcome = RecruitmentStage.OFFER
        reached = {
            RecruitmentStage.APPLIED: 0, RecruitmentStage.SCREENING: 1, RecruitmentStage.INTERVIEW: 2,
            RecruitmentStage.OFFER: 3, RecruitmentStage.HIRED: 3, RecruitmentStage.REJECTED: rng.randint(0, 2),
        }[outcome]
        for stage in STEPS[:reached]:
            await hr_service.move_candidate_to_stage(candidate_id=candidate.id, stage=stage)
        if outcome is RecruitmentStage.REJECTED:
            await hr_service.move_candidate_to_stage(candidate_id=candidate.id, stage=RecruitmentStage.REJECTED)
        if outcome is RecruitmentStage.HIRED:
            employee = await hr_service.hire_candidate(
                candidate_id=candidate.id, hired_on=hired_on, department_id=organisation.departments[department], hired_by=HIRED_BY
            )
            salary = await _pay(rng, timeline, currency, employee.id, hired_on, low, high)
            hired.append((EmployeeRef(employee.id, f"{first_name} {last_name}", department, hired_on), salary))
        advance(1)
    return hired


async def _train(rng: random.Random, timeline: Timeline, employees: list[EmployeeRef], count: int, advance: Callable[[int], None]) -> None:
    """Trainings over the year and the next two months; those that ended were mostly completed."""
    for index in range(count):
        title = TRAININGS[index % len(TRAININGS)]
        if index >= len(TRAININGS):
            title = f"{title} (session {index // len(TRAININGS) + 1})"
        starts_on = timeline.day(rng, timeline.start, timeline.as_of + timedelta(days=60))
        ends_on = starts_on + timedelta(days=rng.choice([0, 0, 1, 2]))
        capacity = rng.choice([8, 10, 12, 16, 20])
        training = await hr_service.create_training(title=title, starts_on=starts_on, ends_on=ends_on, capacity=capacity)
        eligible = [employee for employee in employees if employee.hired_on <= starts_on]
        for employee in rng.sample(eligible, min(len(eligible), rng.randint(capacity // 2, capacity))):
            enrolment = await hr_service.enrol_employee(training_id=training.id, employee_id=employee.id)
            if ends_on < timeline.as_of and chance(rng, 0.9):
                await hr_service.complete_training(enrolment_id=enrolment.id, completed_on=ends_on)
        advance(1)


def _payroll(timeline: Timeline, pay: list[Pay]) -> dict[date, Decimal]:
    """Gross pay per month of everybody employed on the month's last day (or who left during it)."""
    payroll: dict[date, Decimal] = {}
    for month in timeline.months():
        last = month_end(month)
        total = Decimal(0)
        for hired_on, raise_on, amount, raised, left_on in pay:
            if hired_on > last or (left_on is not None and left_on < month):
                continue
            total += raised if raise_on is not None and raised is not None and raise_on <= last else amount
        payroll[month] = total
    return payroll
