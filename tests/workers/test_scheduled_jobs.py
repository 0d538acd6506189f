"""Scheduled jobs run as the scheduler's claimed slot asks; a slot that finds its work done does nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime

from domain.automation import service as automation_service
from domain.bots import service as bots_service
from domain.finance import service as finance_service
from tenants.context import tenant_transaction
from workers.automation.scheduled import month_end_vat

OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
FIRST_OF_NOVEMBER = datetime(2026, 11, 1, tzinfo=UTC)


async def test_month_end_for_a_period_filed_already_asks_for_no_filing_and_leaves_the_return_alone(db, tenant):
    async with tenant_transaction(tenant.id):
        draft = await finance_service.prepare_vat_return(period_start=OCTOBER[0], period_end=OCTOBER[1], currency="EUR")
        filed = await finance_service.file_vat_return(vat_return_id=draft.id, filing_reference="RCPT-2026-0000001")

        await month_end_vat(params={"currency": "eur", "vat_number": "NL123456789B01"}, slot_at=FIRST_OF_NOVEMBER)

        returns = await finance_service.list_vat_returns()
        requests = await automation_service.list_work_items(kind="bots.run_requested").count()
        runs = await bots_service.list_runs().count()
    assert [(r.id, r.status, r.filing_reference, r.filed_at) for r in returns] == [
        (filed.id, filed.status, "RCPT-2026-0000001", filed.filed_at)
    ]
    assert requests == 0 and runs == 0


async def test_month_end_for_an_open_period_computes_the_return_and_asks_for_its_filing(db, tenant):
    async with tenant_transaction(tenant.id):
        await month_end_vat(params={"currency": "EUR", "vat_number": "NL123456789B01"}, slot_at=FIRST_OF_NOVEMBER)

        [draft] = await finance_service.list_vat_returns()
        [request] = await automation_service.list_work_items(kind="bots.run_requested")
    assert (draft.period_start, draft.period_end, str(draft.status)) == (*OCTOBER, "draft")
    # No tax portal is configured for this tenant, so the run is left to a person, with the period to file.
    assert request.details["bot"] == "tax.file_vat_return" and request.details["params"]["period"] == "2026-10"
