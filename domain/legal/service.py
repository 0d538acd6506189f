"""Legal services: contracts, their parties and terms, notice and termination, obligations."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.crm import service as crm_service
from domain.errors import DomainError
from domain.hr import service as hr_service
from domain.legal import events
from domain.legal.errors import LegalErrorCode
from domain.legal.models import Contract, ContractParty, ContractStatus, Obligation, ObligationStatus, PartyKind
from domain.legal.terms import notice_deadline, renewal_date
from domain.money import Money, currency_code
from domain.operations import service as operations_service
from domain.outbox import record_event
from domain.sequences.service import next_number
from domain.validation import non_negative_decimal, optional_text, required_text
from tenants.ownership import create_owned, scoped

LIVE = (ContractStatus.ACTIVE, ContractStatus.NOTICE_GIVEN)


@dataclass(frozen=True)
class PartyInput:
    kind: PartyKind
    customer_id: uuid.UUID | None = None
    supplier_id: uuid.UUID | None = None
    employee_id: uuid.UUID | None = None
    name: str | None = None  # for OTHER parties
    role: str | None = None


def _not_found(what: str, field: str) -> DomainError:
    return DomainError(LegalErrorCode.NOT_FOUND, f"{what} not found", field=field)


async def _party_values(party: PartyInput, index: int) -> dict[str, object]:
    field = f"parties.{index}"
    kind = PartyKind(party.kind)
    references = {"customer_id": party.customer_id, "supplier_id": party.supplier_id, "employee_id": party.employee_id}
    expected = {PartyKind.CUSTOMER: "customer_id", PartyKind.SUPPLIER: "supplier_id", PartyKind.EMPLOYEE: "employee_id"}.get(kind)
    given = [name for name, value in references.items() if value is not None]
    if given != ([expected] if expected else []):
        raise DomainError(LegalErrorCode.PARTY_REFERENCE, f"a {kind} party names {expected or 'no id, only a name'}", field=field)
    values: dict[str, object] = {"kind": kind, "role": optional_text(party.role, field=f"{field}.role", max_length=60)}
    if kind is PartyKind.CUSTOMER:
        values["customer"] = await crm_service.get_customer_or_raise(customer_id=party.customer_id, field=f"{field}.customer_id")
    elif kind is PartyKind.SUPPLIER:
        values["supplier"] = await operations_service.get_supplier_or_raise(supplier_id=party.supplier_id, field=f"{field}.supplier_id")
    elif kind is PartyKind.EMPLOYEE:
        values["employee"] = await hr_service.get_employee_or_raise(employee_id=party.employee_id, field=f"{field}.employee_id")
    else:
        values["name"] = required_text(party.name, field=f"{field}.name", max_length=200)
    return values


def list_contracts(
    *, customer_id: uuid.UUID | None = None, supplier_id: uuid.UUID | None = None, status: ContractStatus | None = None
) -> QuerySet[Contract]:
    """Contracts by renewal date, optionally binding one customer or supplier, or in one status."""
    query = scoped(Contract)
    if customer_id is not None:
        query = query.filter(id__in=Subquery(scoped(ContractParty).filter(customer_id=customer_id).values("contract_id")))
    if supplier_id is not None:
        query = query.filter(id__in=Subquery(scoped(ContractParty).filter(supplier_id=supplier_id).values("contract_id")))
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("renewal_date", "number")


async def get_contract_or_raise(*, contract_id: uuid.UUID) -> Contract:
    """The contract with this id, or NOT_FOUND."""
    contract = await scoped(Contract).get_or_none(id=contract_id)
    if contract is None:
        raise _not_found("contract", "contract_id")
    return contract


def contract_parties(*, contract_id: uuid.UUID) -> QuerySet[ContractParty]:
    """The parties a contract binds."""
    return scoped(ContractParty).filter(contract_id=contract_id).order_by("created_at")


async def create_contract(
    *,
    title: str,
    value: Decimal,
    currency: str,
    start_date: date,
    term_months: int,
    parties: Sequence[PartyInput],
    notice_period_days: int = 0,
    auto_renew: bool = True,
    owner_id: uuid.UUID | None = None,
    number: str | None = None,
) -> Contract:
    """Record a signed contract; its renewal date and notice deadline are derived from the terms."""
    if term_months < 1:
        raise DomainError(LegalErrorCode.INVALID_TERM, "the term is at least one month", field="term_months")
    if notice_period_days < 0:
        raise DomainError(LegalErrorCode.INVALID_TERM, "the notice period cannot be negative", field="notice_period_days")
    if not parties:
        raise DomainError(LegalErrorCode.PARTIES_REQUIRED, "a contract binds at least one party", field="parties")
    party_values = [await _party_values(party, index) for index, party in enumerate(parties)]
    owner = await hr_service.get_employee_or_raise(employee_id=owner_id, field="owner_id") if owner_id else None
    renewal = renewal_date(start_date=start_date, term_months=term_months, auto_renew=auto_renew)
    async with in_transaction():
        if number is None:
            number = await next_number(model=Contract, prefix="C-")
        else:
            number = required_text(number, field="number", max_length=32)
            if await scoped(Contract).filter(number=number).exists():
                raise DomainError(LegalErrorCode.DUPLICATE, f"contract {number} exists", field="number")
        contract = await create_owned(
            Contract,
            number=number,
            title=required_text(title, field="title", max_length=200),
            value=non_negative_decimal(value, field="value"),
            currency=currency_code(currency),
            start_date=start_date,
            term_months=term_months,
            notice_period_days=notice_period_days,
            auto_renew=auto_renew,
            renewal_date=renewal,
            notice_deadline=notice_deadline(renewal=renewal, notice_period_days=notice_period_days),
            owner=owner,
        )
        for values in party_values:
            await create_owned(ContractParty, contract=contract, **values)
        await record_event(
            event_type=events.CONTRACT_CREATED, payload=events.contract_state(contract), idempotency_key=f"{events.CONTRACT_CREATED}:{contract.id}"
        )
    return contract


def current_renewal_date(contract: Contract, *, as_of: date | None = None) -> date:
    """The end of the contract's current term on `as_of` (auto-renewing terms roll forward)."""
    return renewal_date(
        start_date=contract.start_date, term_months=contract.term_months, auto_renew=contract.auto_renew, as_of=as_of or clock.today()
    )


async def give_notice(*, contract_id: uuid.UUID, on: date | None = None) -> Contract:
    """Stop a contract at the end of its current term; refused once that term's notice deadline has passed."""
    on = on or clock.today()
    async with in_transaction():
        contract = await scoped(Contract).select_for_update().get_or_none(id=contract_id)
        if contract is None:
            raise _not_found("contract", "contract_id")
        if contract.status is not ContractStatus.ACTIVE:
            raise DomainError(LegalErrorCode.CONTRACT_NOT_ACTIVE, f"the contract is {contract.status}", field="contract_id")
        renewal = current_renewal_date(contract, as_of=on)
        deadline = notice_deadline(renewal=renewal, notice_period_days=contract.notice_period_days)
        if on > deadline:
            raise DomainError(
                LegalErrorCode.NOTICE_PERIOD_MISSED, f"notice for the term ending {renewal} was due by {deadline}", field="on"
            )
        contract.status = ContractStatus.NOTICE_GIVEN
        contract.renewal_date, contract.notice_deadline, contract.ends_on = renewal, deadline, renewal
        await contract.save(update_fields=["status", "renewal_date", "notice_deadline", "ends_on", "updated_at"])
        await record_event(
            event_type=events.CONTRACT_NOTICE_GIVEN, payload=events.contract_state(contract), idempotency_key=f"{events.CONTRACT_NOTICE_GIVEN}:{contract.id}"
        )
    return contract


async def terminate_contract(*, contract_id: uuid.UUID, on: date | None = None) -> Contract:
    """End a live contract on `on` by agreement, whatever its term."""
    on = on or clock.today()
    async with in_transaction():
        contract = await scoped(Contract).select_for_update().get_or_none(id=contract_id)
        if contract is None:
            raise _not_found("contract", "contract_id")
        if contract.status not in LIVE:
            raise DomainError(LegalErrorCode.CONTRACT_NOT_ACTIVE, f"the contract is {contract.status}", field="contract_id")
        contract.status = ContractStatus.TERMINATED
        contract.ends_on = on
        await contract.save(update_fields=["status", "ends_on", "updated_at"])
        await record_event(
            event_type=events.CONTRACT_TERMINATED, payload=events.contract_state(contract), idempotency_key=f"{events.CONTRACT_TERMINATED}:{contract.id}"
        )
    return contract


# Obligations


def list_obligations(*, contract_id: uuid.UUID | None = None, overdue_as_of: date | None = None) -> QuerySet[Obligation]:
    """Obligations by due date, optionally of one contract, or only open ones past due on `overdue_as_of`."""
    query = scoped(Obligation)
    if contract_id is not None:
        query = query.filter(contract_id=contract_id)
    if overdue_as_of is not None:
        query = query.filter(status=ObligationStatus.OPEN, due_date__lt=overdue_as_of)
    return query.order_by("due_date", "created_at")


async def add_obligation(
    *, contract_id: uuid.UUID, description: str, due_date: date, responsible_id: uuid.UUID | None = None
) -> Obligation:
    """Note something a contract requires by `due_date`, optionally with who answers for it."""
    contract = await get_contract_or_raise(contract_id=contract_id)
    responsible = await hr_service.get_active_employee_or_raise(employee_id=responsible_id, field="responsible_id") if responsible_id else None
    return await create_owned(
        Obligation,
        contract=contract,
        description=required_text(description, field="description", max_length=500),
        due_date=due_date,
        responsible=responsible,
    )


async def complete_obligation(*, obligation_id: uuid.UUID, on: date | None = None, waived: bool = False) -> Obligation:
    """Mark an open obligation done (or waived)."""
    obligation = await scoped(Obligation).get_or_none(id=obligation_id)
    if obligation is None:
        raise _not_found("obligation", "obligation_id")
    if obligation.status is not ObligationStatus.OPEN:
        raise DomainError(LegalErrorCode.OBLIGATION_CLOSED, f"the obligation is {obligation.status}", field="obligation_id")
    obligation.status = ObligationStatus.WAIVED if waived else ObligationStatus.DONE
    obligation.completed_on = on or clock.today()
    await obligation.save(update_fields=["status", "completed_on", "updated_at"])
    return obligation


# Read models


@dataclass(frozen=True)
class ExpiringContract:
    contract_id: uuid.UUID
    number: str
    title: str
    value: Money
    renewal_date: date  # the day the current term ends
    notice_deadline: date
    auto_renew: bool
    will_end: bool  # notice given or no auto-renewal: the contract stops at renewal_date
    days_left: int
    status: ContractStatus


async def contracts_expiring_within(
    *, days: int, as_of: date | None = None, status: ContractStatus | None = None, will_end: bool | None = None
) -> list[ExpiringContract]:
    """Live contracts whose current term ends within `days` of `as_of`, soonest first (computed, not stored);
    optionally only those in `status` (a terminated contract is never live, so none are) or that will (or will not) end then."""
    as_of = as_of or clock.today()
    horizon = as_of + timedelta(days=days)
    statuses = [live for live in LIVE if status is None or live is status]
    # The stored renewal date of an auto-renewing contract may lag behind: every candidate is rolled forward.
    candidates = await scoped(Contract).filter(status__in=statuses, renewal_date__lte=horizon) if statuses else []
    expiring = []
    for contract in candidates:
        renewal = contract.renewal_date if contract.status is ContractStatus.NOTICE_GIVEN else current_renewal_date(contract, as_of=as_of)
        if not as_of <= renewal <= horizon:
            continue
        expiring.append(
            ExpiringContract(
                contract_id=contract.id,
                number=contract.number,
                title=contract.title,
                value=Money(contract.value, contract.currency),
                renewal_date=renewal,
                notice_deadline=notice_deadline(renewal=renewal, notice_period_days=contract.notice_period_days),
                auto_renew=contract.auto_renew,
                will_end=contract.status is ContractStatus.NOTICE_GIVEN or not contract.auto_renew,
                days_left=(renewal - as_of).days,
                status=contract.status,
            )
        )
    if will_end is not None:
        expiring = [row for row in expiring if row.will_end is will_end]
    return sorted(expiring, key=lambda row: (row.renewal_date, row.number))
