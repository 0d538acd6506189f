"""HR: employees belong to one department at a time, with history, salaries, recruitment and trainings."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from domain.errors import DomainError
from domain.hr import service as hr
from domain.hr.errors import HrErrorCode
from domain.hr.models import DepartmentAssignment, RecruitmentStage, SalaryPeriod
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import create_owned, scoped


async def test_employee_has_one_department_at_a_time_with_history(tenant):
    async with tenant_transaction(tenant.id):
        sales = await hr.create_department(name="Sales")
        support = await hr.create_department(name="Support")
        employee = await hr.hire_employee(first_name="Ada", last_name="Lovelace", hired_on=date(2024, 1, 8), department_id=sales.id)

        await hr.assign_employee_to_department(employee_id=employee.id, department_id=support.id, on=date(2024, 6, 1))

        history = await hr.department_history(employee_id=employee.id)
        employee = await hr.get_employee_or_raise(employee_id=employee.id)
    assert employee.department_id == support.id
    assert [(a.department_id, a.started_on, a.ended_on) for a in history] == [
        (sales.id, date(2024, 1, 8), date(2024, 6, 1)),
        (support.id, date(2024, 6, 1), None),
    ]


async def test_the_database_refuses_a_second_open_department_assignment(tenant):
    async with tenant_transaction(tenant.id):
        sales = await hr.create_department(name="Sales")
        employee = await hr.hire_employee(first_name="Ada", last_name="Lovelace", hired_on=date(2024, 1, 8), department_id=sales.id)
        with pytest.raises(IntegrityError):
            async with in_transaction():
                await create_owned(DepartmentAssignment, employee=employee, department=sales, started_on=date(2024, 2, 1))


async def test_a_move_cannot_predate_the_current_assignment_or_repeat_it(tenant):
    async with tenant_transaction(tenant.id):
        sales = await hr.create_department(name="Sales")
        support = await hr.create_department(name="Support")
        employee = await hr.hire_employee(first_name="Ada", last_name="Lovelace", hired_on=date(2024, 1, 8), department_id=sales.id)
        with pytest.raises(DomainError) as early:
            await hr.assign_employee_to_department(employee_id=employee.id, department_id=support.id, on=date(2023, 12, 1))
        with pytest.raises(DomainError) as same:
            await hr.assign_employee_to_department(employee_id=employee.id, department_id=sales.id, on=date(2024, 3, 1))
    assert (early.value.code, early.value.field) == (HrErrorCode.DATE_BEFORE_CURRENT_ASSIGNMENT, "on")
    assert same.value.code is HrErrorCode.ALREADY_IN_DEPARTMENT


async def test_hiring_records_an_event_without_personal_data(tenant):
    async with tenant_transaction(tenant.id):
        sales = await hr.create_department(name="Sales")
        employee = await hr.hire_employee(
            first_name="Ada", last_name="Lovelace", email="ada@example.com", hired_on=date(2024, 1, 8), department_id=sales.id
        )
        event = await scoped(OutboxEvent).get(event_type="hr.employee_hired")
    assert event.payload == {
        "employee_id": str(employee.id),
        "employee_number": employee.employee_number,
        "department_id": str(sales.id),
        "position_id": None,
        "hired_on": "2024-01-08",
    }
    assert employee.employee_number == "E-000001"


async def test_headcount_by_department_counts_who_was_where_on_a_date(tenant):
    async with tenant_transaction(tenant.id):
        sales = await hr.create_department(name="Sales")
        support = await hr.create_department(name="Support")
        await hr.create_department(name="Legal")
        ada = await hr.hire_employee(first_name="Ada", last_name="L", hired_on=date(2024, 1, 1), department_id=sales.id)
        await hr.hire_employee(first_name="Bob", last_name="B", hired_on=date(2024, 1, 1), department_id=sales.id)
        leaver = await hr.hire_employee(first_name="Cy", last_name="C", hired_on=date(2024, 1, 1), department_id=support.id)
        await hr.assign_employee_to_department(employee_id=ada.id, department_id=support.id, on=date(2024, 5, 1))
        await hr.terminate_employee(employee_id=leaver.id, on=date(2024, 7, 1))

        in_march = await hr.headcount_by_department(on=date(2024, 3, 1))
        in_june = await hr.headcount_by_department(on=date(2024, 6, 1))
        in_august = await hr.headcount_by_department(on=date(2024, 8, 1))
    assert [(row.name, row.headcount) for row in in_march] == [("Legal", 0), ("Sales", 2), ("Support", 1)]
    assert [(row.name, row.headcount) for row in in_june] == [("Legal", 0), ("Sales", 1), ("Support", 2)]
    assert [(row.name, row.headcount) for row in in_august] == [("Legal", 0), ("Sales", 1), ("Support", 1)]


async def test_the_salary_in_force_is_the_latest_that_started(tenant):
    async with tenant_transaction(tenant.id):
        sales = await hr.create_department(name="Sales")
        employee = await hr.hire_employee(first_name="Ada", last_name="L", hired_on=date(2024, 1, 1), department_id=sales.id)
        await hr.set_salary(employee_id=employee.id, amount=Decimal("4000"), currency="EUR", period=SalaryPeriod.MONTHLY, effective_from=date(2024, 1, 1))
        await hr.set_salary(employee_id=employee.id, amount=Decimal("4400"), currency="EUR", period=SalaryPeriod.MONTHLY, effective_from=date(2024, 7, 1))
        in_may = await hr.current_salary(employee_id=employee.id, on=date(2024, 5, 1))
        in_july = await hr.current_salary(employee_id=employee.id, on=date(2024, 7, 1))
        with pytest.raises(DomainError) as bad_currency:
            await hr.set_salary(employee_id=employee.id, amount=Decimal("1"), currency="XXX", period=SalaryPeriod.MONTHLY, effective_from=date(2025, 1, 1))
    assert (in_may.amount, in_july.amount) == (Decimal("4000.0000"), Decimal("4400.0000"))
    assert bad_currency.value.field == "currency"


async def test_candidates_move_forward_and_are_hired_only_with_an_offer(tenant):
    async with tenant_transaction(tenant.id):
        sales = await hr.create_department(name="Sales")
        candidate = await hr.create_candidate(first_name="Grace", last_name="Hopper", applied_on=date(2024, 2, 1))
        with pytest.raises(DomainError) as too_early:
            await hr.hire_candidate(candidate_id=candidate.id, hired_on=date(2024, 3, 1), department_id=sales.id)
        await hr.move_candidate_to_stage(candidate_id=candidate.id, stage=RecruitmentStage.INTERVIEW)
        with pytest.raises(DomainError) as backwards:
            await hr.move_candidate_to_stage(candidate_id=candidate.id, stage=RecruitmentStage.SCREENING)
        await hr.move_candidate_to_stage(candidate_id=candidate.id, stage=RecruitmentStage.OFFER)
        employee = await hr.hire_candidate(candidate_id=candidate.id, hired_on=date(2024, 3, 1), department_id=sales.id)
        candidate = await hr.get_candidate_or_raise(candidate_id=candidate.id)
    assert too_early.value.code is HrErrorCode.NO_OFFER
    assert backwards.value.code is HrErrorCode.STAGE_NOT_FORWARD
    assert candidate.stage is RecruitmentStage.HIRED and candidate.hired_employee_id == employee.id
    assert employee.department_id == sales.id


async def test_a_full_training_refuses_another_enrolment(tenant):
    async with tenant_transaction(tenant.id):
        sales = await hr.create_department(name="Sales")
        training = await hr.create_training(title="Negotiation", starts_on=date(2024, 9, 1), capacity=1)
        ada = await hr.hire_employee(first_name="Ada", last_name="L", hired_on=date(2024, 1, 1), department_id=sales.id)
        bob = await hr.hire_employee(first_name="Bob", last_name="B", hired_on=date(2024, 1, 1), department_id=sales.id)
        enrolment = await hr.enrol_employee(training_id=training.id, employee_id=ada.id)
        with pytest.raises(DomainError) as full:
            await hr.enrol_employee(training_id=training.id, employee_id=bob.id)
        completed = await hr.complete_training(enrolment_id=enrolment.id, completed_on=date(2024, 9, 2))
    assert full.value.code is HrErrorCode.TRAINING_FULL
    assert completed.completed_on == date(2024, 9, 2)


async def test_another_tenants_department_is_not_found(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        foreign = await hr.create_department(name="Foreign")
    async with tenant_transaction(tenant.id):
        with pytest.raises(DomainError) as error:
            await hr.hire_employee(first_name="Ada", last_name="L", hired_on=date(2024, 1, 1), department_id=foreign.id)
        with pytest.raises(DomainError) as unknown:
            await hr.get_employee_or_raise(employee_id=uuid.uuid4())
    assert (error.value.code, error.value.field) == (HrErrorCode.NOT_FOUND, "department_id")
    assert unknown.value.code is HrErrorCode.NOT_FOUND
