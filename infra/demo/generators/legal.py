"""Legal demo data: contracts with customers, suppliers, employees and others, with renewal and notice
dates (some expiring soon, some given notice or terminated), and the obligations they create."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from domain.legal import service as legal_service
from domain.legal.models import PartyKind
from domain.legal.terms import add_months, notice_deadline, renewal_date
from infra.demo.generators.crm import CrmIds
from infra.demo.generators.draws import chance, money, scaled, weighted
from infra.demo.generators.hr import HrIds
from infra.demo.generators.operations import OperationsIds
from infra.demo.generators.timeline import Timeline

# kind -> (title, terms in months, notice periods in days, value range, obligations)
KINDS = {
    PartyKind.CUSTOMER: ("Service agreement with {}", [12, 24, 36], [30, 60, 90], (5000, 120000),
                         ["Quarterly service report", "Annual price review", "Renew the liability insurance certificate"]),
    PartyKind.SUPPLIER: ("Supply framework agreement with {}", [12, 24], [60, 90], (20000, 400000),
                         ["Annual supplier audit", "Send the volume forecast for next quarter"]),
    PartyKind.EMPLOYEE: ("Non-compete agreement with {}", [12, 24], [0, 30], (0, 0), ["Annual compliance attestation"]),
    PartyKind.OTHER: ("Mutual NDA with {}", [12, 24], [0, 30], (0, 0), ["Return or destroy the confidential material"]),
}
KIND_WEIGHTS = [(PartyKind.CUSTOMER, 48), (PartyKind.SUPPLIER, 25), (PartyKind.EMPLOYEE, 10), (PartyKind.OTHER, 17)]
OTHER_PARTIES = ["Brightline Consulting LLP", "Nordbank Leasing AG", "Meridian Research Institute", "Atlas Freight Brokers", "Kestrel Design Studio"]
LANDLORD = "Harbour Properties Ltd"


def contract_count(size: int) -> int:
    return scaled(size, 1 / 10, minimum=6)


def planned_units(size: int) -> int:
    return contract_count(size)


async def generate_legal(
    rng: random.Random, *, size: int, timeline: Timeline, currency: str, hr: HrIds, crm: CrmIds, operations: OperationsIds,
    advance: Callable[[int], None],
) -> None:
    """Create the contracts (the lease first) with their obligations, notices and terminations."""
    owners = hr.in_department("Legal", "Management")
    responsible = hr.in_department("Legal", "Finance", "Sales", "Operations")
    for index in range(contract_count(size)):
        kind = PartyKind.OTHER if index == 0 else weighted(rng, KIND_WEIGHTS)
        title, terms, notices, (low, high), duties = KINDS[kind]
        party, name = _party(rng, kind, crm, operations, hr)
        if index == 0:
            title, terms, notices, (low, high), name = "Lease of {}", [60], [180], (400000, 900000), "the office and warehouse"
            party = legal_service.PartyInput(kind=PartyKind.OTHER, name=LANDLORD, role="Landlord")
        term = rng.choice(terms)
        auto_renew = index == 0 or chance(rng, 0.7)
        start = _start_date(rng, timeline, term, auto_renew, expiring_soon=chance(rng, 0.12))
        contract = await legal_service.create_contract(
            title=title.format(name)[:200], value=money(rng, low, high, step=500) if high else 0, currency=currency, start_date=start,
            term_months=term, notice_period_days=rng.choice(notices), auto_renew=auto_renew, parties=[party], owner_id=rng.choice(owners).id,
        )
        for duty in rng.sample(duties, rng.randint(1, len(duties))):
            await _obligation(rng, timeline, contract.id, duty, start, rng.choice(responsible).id)
        await _maybe_end(rng, timeline, contract, start)
        advance(1)


def _party(rng: random.Random, kind: PartyKind, crm: CrmIds, operations: OperationsIds, hr: HrIds) -> tuple[legal_service.PartyInput, str]:
    if kind is PartyKind.CUSTOMER:
        customer = rng.choice(crm.customers)
        return legal_service.PartyInput(kind=kind, customer_id=customer.id, role="Customer"), customer.name
    if kind is PartyKind.SUPPLIER:
        supplier_id = rng.choice(list(operations.suppliers))
        return legal_service.PartyInput(kind=kind, supplier_id=supplier_id, role="Supplier"), operations.suppliers[supplier_id]
    if kind is PartyKind.EMPLOYEE:
        employee = rng.choice(hr.in_department("Sales", "Management"))
        return legal_service.PartyInput(kind=kind, employee_id=employee.id, role="Employee"), employee.name
    name = rng.choice(OTHER_PARTIES)
    return legal_service.PartyInput(kind=kind, name=name, role="Counterparty"), name


def _start_date(rng: random.Random, timeline: Timeline, term: int, auto_renew: bool, *, expiring_soon: bool) -> date:
    """When a contract started: so that its current term ends within two months when `expiring_soon`;
    otherwise up to three years ago, and late enough that a contract without renewal still runs."""
    if expiring_soon:
        ends_on = timeline.as_of + timedelta(days=rng.randint(5, 60))
        return add_months(ends_on, -term * (rng.randint(1, 2) if auto_renew else 1))
    earliest = timeline.as_of - timedelta(days=3 * 365) if auto_renew else add_months(timeline.as_of, -term) + timedelta(days=61)
    return timeline.day(rng, earliest, timeline.as_of - timedelta(days=10))


async def _obligation(rng: random.Random, timeline: Timeline, contract_id, duty: str, start: date, responsible_id) -> None:
    """An obligation due some time after the start: most past ones done, some waived, some overdue."""
    due_date = timeline.day(rng, start + timedelta(days=30), timeline.as_of + timedelta(days=120))
    obligation = await legal_service.add_obligation(contract_id=contract_id, description=duty, due_date=due_date, responsible_id=responsible_id)
    if due_date < timeline.as_of:
        outcome = weighted(rng, [("done", 75), ("waived", 5), ("open", 20)])
        if outcome != "open":
            done_on = min(due_date - timedelta(days=rng.randint(-5, 10)), timeline.yesterday)
            await legal_service.complete_obligation(obligation_id=obligation.id, on=done_on, waived=outcome == "waived")


async def _maybe_end(rng: random.Random, timeline: Timeline, contract, start: date) -> None:
    """About one in twelve contracts was given notice in time; about one in twenty was terminated by agreement."""
    if chance(rng, 0.08):
        on = timeline.yesterday - timedelta(days=rng.randint(0, 30))
        renewal = renewal_date(start_date=start, term_months=contract.term_months, auto_renew=contract.auto_renew, as_of=on)
        if start < on <= notice_deadline(renewal=renewal, notice_period_days=contract.notice_period_days):
            await legal_service.give_notice(contract_id=contract.id, on=on)
    elif chance(rng, 0.05) and start + timedelta(days=30) < timeline.yesterday:
        await legal_service.terminate_contract(contract_id=contract.id, on=timeline.day(rng, start + timedelta(days=30)))
