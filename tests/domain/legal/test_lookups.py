"""Legal reads for the graph: parties of many contracts at once, and a contract's term dates as of a day."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.legal import lookups
from domain.legal import service as legal
from domain.legal.models import PartyKind
from tenants.context import tenant_transaction


async def _contract(title: str, *, auto_renew: bool = True):
    return await legal.create_contract(
        title=title, value=Decimal(100), currency="EUR", start_date=date(2024, 1, 31), term_months=1, notice_period_days=10,
        auto_renew=auto_renew, parties=[legal.PartyInput(kind=PartyKind.OTHER, name=f"{title} party")],
    )


async def test_term_dates_roll_an_active_contract_forward_and_keep_a_stopped_ones(tenant):
    async with tenant_transaction(tenant.id):
        rolling, stopped = await _contract("Rolling"), await _contract("Stopped")
        stopped = await legal.give_notice(contract_id=stopped.id, on=date(2024, 2, 1))

        parties = await lookups.parties_of_contracts(contract_ids=[rolling.id, stopped.id])

    # Terms end on start + k months counted from the start: 2024-02-29, 2024-03-31, 2024-04-30 ...
    assert lookups.term_dates(rolling, as_of=date(2024, 3, 5)) == lookups.TermDates(date(2024, 3, 31), date(2024, 3, 21))
    assert lookups.term_dates(stopped, as_of=date(2024, 6, 1)) == lookups.TermDates(date(2024, 2, 29), date(2024, 2, 19))
    assert sorted(party.name for party in parties) == ["Rolling party", "Stopped party"]
