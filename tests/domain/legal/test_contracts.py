"""Legal: contracts bind parties, derive renewal and notice dates, and surface when they expire."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.crm import service as crm
from domain.errors import DomainError
from domain.hr import service as hr
from domain.legal import service as legal
from domain.legal.errors import LegalErrorCode
from domain.legal.models import ContractStatus, ObligationStatus, PartyKind
from domain.money import Money
from domain.operations import service as operations
from tenants.context import tenant_transaction


async def a_contract(customer_id, *, start=date(2024, 1, 1), term=12, notice=30, auto_renew=True, title="Support agreement"):
    return await legal.create_contract(
        title=title, value=Decimal("12000"), currency="EUR", start_date=start, term_months=term, notice_period_days=notice,
        auto_renew=auto_renew, parties=[legal.PartyInput(kind=PartyKind.CUSTOMER, customer_id=customer_id, role="buyer")],
    )


async def test_contract_renewal_date_follows_term_and_notice(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        supplier = await operations.create_supplier(name="Acme Parts")
        contract = await legal.create_contract(
            title="Framework agreement", value=Decimal("50000"), currency="EUR", start_date=date(2024, 2, 1), term_months=24,
            notice_period_days=90,
            parties=[
                legal.PartyInput(kind=PartyKind.CUSTOMER, customer_id=customer.id, role="buyer"),
                legal.PartyInput(kind=PartyKind.SUPPLIER, supplier_id=supplier.id, role="subcontractor"),
                legal.PartyInput(kind=PartyKind.OTHER, name="Notary Office", role="witness"),
            ],
        )
        parties = await legal.contract_parties(contract_id=contract.id)
        by_customer = await legal.list_contracts(customer_id=customer.id)
        by_supplier = await legal.list_contracts(supplier_id=supplier.id)
    assert (contract.renewal_date, contract.notice_deadline) == (date(2026, 2, 1), date(2025, 11, 3))
    assert [p.kind for p in parties] == [PartyKind.CUSTOMER, PartyKind.SUPPLIER, PartyKind.OTHER]
    assert [c.id for c in by_customer] == [contract.id] == [c.id for c in by_supplier]


async def test_a_party_names_exactly_the_reference_of_its_kind(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        with pytest.raises(DomainError) as error:
            await legal.create_contract(
                title="x", value=Decimal("1"), currency="EUR", start_date=date(2024, 1, 1), term_months=12,
                parties=[legal.PartyInput(kind=PartyKind.SUPPLIER, customer_id=customer.id)],
            )
    assert (error.value.code, error.value.field) == (LegalErrorCode.PARTY_REFERENCE, "parties.0")


async def test_notice_stops_the_contract_at_the_end_of_its_term_only_before_the_deadline(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        late = await a_contract(customer.id, notice=30)
        early = await a_contract(customer.id, notice=30, title="Other")
        with pytest.raises(DomainError) as missed:
            await legal.give_notice(contract_id=late.id, on=date(2024, 12, 15))  # deadline was 2 Dec
        noticed = await legal.give_notice(contract_id=early.id, on=date(2024, 12, 1))
    assert (missed.value.code, missed.value.field) == (LegalErrorCode.NOTICE_PERIOD_MISSED, "on")
    assert (noticed.status, noticed.ends_on) == (ContractStatus.NOTICE_GIVEN, date(2025, 1, 1))


async def test_contracts_expiring_within_n_days_roll_auto_renewals_forward(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        rolled = await a_contract(customer.id, start=date(2022, 7, 1), title="Rolling")  # renews 1 Jul 2024
        fixed = await a_contract(customer.id, start=date(2023, 7, 15), auto_renew=False, title="Fixed")  # ends 15 Jul 2024
        await a_contract(customer.id, start=date(2024, 1, 1), title="Far")  # renews 1 Jan 2025
        await a_contract(customer.id, start=date(2022, 6, 1), auto_renew=False, title="Expired")  # ended 1 Jun 2023
        terminated = await a_contract(customer.id, start=date(2023, 7, 10), title="Ended")
        await legal.terminate_contract(contract_id=terminated.id, on=date(2024, 3, 1))
        expiring = await legal.contracts_expiring_within(days=30, as_of=date(2024, 6, 20))
    assert [(row.number, row.renewal_date, row.will_end, row.days_left) for row in expiring] == [
        (rolled.number, date(2024, 7, 1), False, 11),
        (fixed.number, date(2024, 7, 15), True, 25),
    ]
    assert expiring[0].value == Money(Decimal("12000"), "EUR") and expiring[0].notice_deadline == date(2024, 6, 1)


async def test_obligations_are_tracked_until_done(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        legal_team = await hr.create_department(name="Legal")
        counsel = await hr.hire_employee(first_name="Lee", last_name="Counsel", hired_on=date(2023, 1, 1), department_id=legal_team.id)
        contract = await a_contract(customer.id)
        report = await legal.add_obligation(contract_id=contract.id, description="Quarterly service report", due_date=date(2024, 4, 1), responsible_id=counsel.id)
        await legal.add_obligation(contract_id=contract.id, description="Insurance certificate", due_date=date(2024, 9, 1))
        overdue = await legal.list_obligations(overdue_as_of=date(2024, 5, 1))
        done = await legal.complete_obligation(obligation_id=report.id, on=date(2024, 5, 2))
        with pytest.raises(DomainError) as again:
            await legal.complete_obligation(obligation_id=report.id)
    assert [o.id for o in overdue] == [report.id]
    assert done.status is ObligationStatus.DONE
    assert again.value.code is LegalErrorCode.OBLIGATION_CLOSED
