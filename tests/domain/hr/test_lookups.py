"""HR batch reads: many employees' histories and salaries in one query, only of the current tenant."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.hr import lookups
from domain.hr import service as hr
from domain.hr.models import SalaryPeriod
from tenants.context import tenant_transaction


async def test_current_salaries_take_the_latest_salary_in_force_per_employee(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        theirs = await hr.create_department(name="Theirs")
        foreign = await hr.hire_employee(first_name="F", last_name="Oreign", hired_on=date(2024, 1, 1), department_id=theirs.id)
        await hr.set_salary(employee_id=foreign.id, amount=Decimal("1"), currency="EUR", period=SalaryPeriod.MONTHLY, effective_from=date(2024, 1, 1))
    async with tenant_transaction(tenant.id):
        team = await hr.create_department(name="Team")
        ada = await hr.hire_employee(first_name="Ada", last_name="Lovelace", hired_on=date(2024, 1, 1), department_id=team.id)
        alan = await hr.hire_employee(first_name="Alan", last_name="Turing", hired_on=date(2024, 1, 1), department_id=team.id)
        for amount, effective_from in (("3000", date(2024, 1, 1)), ("3500", date(2024, 6, 1)), ("9999", date(2099, 1, 1))):
            await hr.set_salary(employee_id=ada.id, amount=Decimal(amount), currency="EUR", period=SalaryPeriod.MONTHLY, effective_from=effective_from)

        current = await lookups.current_salaries(employee_ids=[ada.id, alan.id, foreign.id], on=date(2024, 7, 1))
        history = await lookups.salaries(employee_ids=[ada.id, foreign.id])

    assert {employee_id: salary.amount for employee_id, salary in current.items()} == {ada.id: Decimal("3500")}
    assert [salary.amount for salary in history] == [Decimal("3000"), Decimal("3500"), Decimal("9999")]


async def test_lists_of_positions_trainings_enrolments_and_assignments(tenant):
    async with tenant_transaction(tenant.id):
        sales, support = await hr.create_department(name="Sales"), await hr.create_department(name="Support")
        await hr.create_position(title="Seller", department_id=sales.id)
        await hr.create_position(title="Agent", department_id=support.id)
        later = await hr.create_training(title="Later", starts_on=date(2024, 9, 1))
        sooner = await hr.create_training(title="Sooner", starts_on=date(2024, 3, 1))
        ada = await hr.hire_employee(first_name="Ada", last_name="Lovelace", hired_on=date(2024, 1, 1), department_id=sales.id)
        await hr.assign_employee_to_department(employee_id=ada.id, department_id=support.id, on=date(2024, 2, 1))
        await hr.enrol_employee(training_id=later.id, employee_id=ada.id)

        positions = [position.title for position in await lookups.list_positions(department_id=sales.id)]
        trainings = [training.title for training in await lookups.list_trainings()]
        enrolments = await lookups.list_enrolments(employee_ids=[ada.id])
        assignments = await lookups.department_assignments(employee_ids=[ada.id])

    assert positions == ["Seller"]
    assert trainings == ["Sooner", "Later"] and sooner.id
    assert [enrolment.training_id for enrolment in enrolments] == [later.id]
    assert [assignment.department_id for assignment in assignments] == [sales.id, support.id]
