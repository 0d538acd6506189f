"""Legal reads for the graph: the parties of many contracts in one query, and a contract's term dates
as of a day (what a client sees as its renewal date and notice deadline)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tortoise.queryset import QuerySet

from domain.legal.models import Contract, ContractParty, ContractStatus
from domain.legal.service import current_renewal_date
from domain.legal.terms import notice_deadline
from tenants.ownership import scoped


def parties_of_contracts(*, contract_ids: Sequence[uuid.UUID] | None = None) -> QuerySet[ContractParty]:
    """Contract parties, each contract's in the order they were added, optionally of some contracts."""
    query = scoped(ContractParty)
    if contract_ids is not None:
        query = query.filter(contract_id__in=list(contract_ids))
    return query.order_by("created_at", "id")


@dataclass(frozen=True)
class TermDates:
    renewal_date: date  # the day the current term ends: the contract renews then, or ends
    notice_deadline: date  # the last day notice stops it at `renewal_date`


def term_dates(contract: Contract, *, as_of: date | None = None) -> TermDates:
    """An active contract's current term rolled forward to `as_of` (today by default); once notice is
    given or the contract is terminated, the dates it was stopped with."""
    if contract.status is not ContractStatus.ACTIVE:
        return TermDates(renewal_date=contract.renewal_date, notice_deadline=contract.notice_deadline)
    renewal = current_renewal_date(contract, as_of=as_of)
    return TermDates(renewal_date=renewal, notice_deadline=notice_deadline(renewal=renewal, notice_period_days=contract.notice_period_days))
