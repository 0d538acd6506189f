"""Month end, end to end in real Chromium on PostgreSQL: the scheduled `finance.month_end_vat` job computes last
month's VAT return from the ledger and starts `tax.file_vat_return`; the worker files it on the sandbox tax
portal, and the return Concord computed ends filed with the portal's receipt number, the receipt PDF kept.

Scheduler slot → outbox → relay → `automation.run_scheduled_job` → `month_end_vat` → `bots.run_requested`
→ relay → `bots.start_run` → `run_bot` → business records, each step through the in-process worker.
"""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from domain.automation import schedules
from domain.automation import service as automation_service
from domain.bots import service as bots_service
from domain.bots.models import BotRun
from domain.crm import service as crm_service
from domain.finance import service as finance_service
from domain.finance.models import VatReturn, VatReturnStatus
from domain.operations import service as operations_service
from tenants.context import tenant_transaction
from tenants.ownership import scoped
from tests.bots.stored_runs import record, relaying_worker, stored  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.asyncio(loop_scope="session"),
    pytest.mark.parametrize("test_database", ["postgres"], indirect=True),
]


async def the_filing_run(stored, tenant) -> BotRun:
    """The run the month-end job started, once it has ended."""
    async with asyncio.timeout(90):
        while True:
            async with tenant_transaction(tenant.id):
                run = await scoped(BotRun).filter(bot="tax.file_vat_return").first()
            if run is not None and run.status.is_final:
                return run
            await asyncio.sleep(0.2)


async def test_month_end_files_the_vat_return_computed_from_the_ledger_through_the_tax_portal(stored, relaying_worker):
    tenant = await stored.tenant("hooli")
    tax = stored.portals.states["tax"]
    username = stored.portals.account("tax", "hooli").username
    # The latest month the portal still has open (another test may have filed last month for this login).
    year, month = (int(part) for part in tax.open_periods(username)[0].split("-"))
    period_start = date(year, month, 1)
    month_end_slot = datetime.combine((period_start + timedelta(days=32)).replace(day=1), datetime.min.time(), UTC)
    async with tenant_transaction(tenant.id):
        customer = await crm_service.create_customer(name="Taxed")
        supplier = await _supplier_invoice_in(period_start + timedelta(days=4))
        draft = await finance_service.create_invoice(
            customer_id=customer.id, currency="EUR",
            lines=[
                finance_service.InvoiceLineInput(description="Goods", quantity=Decimal(3), unit_price=Decimal("333.33"), tax_rate=Decimal("0.21")),
                finance_service.InvoiceLineInput(description="Books", quantity=Decimal(1), unit_price=Decimal("19.99"), tax_rate=Decimal("0.09")),
            ],
        )
        await finance_service.issue_invoice(invoice_id=draft.id, issue_date=period_start + timedelta(days=9), due_date=period_start + timedelta(days=39))
        monthly = await automation_service.create_schedule(
            name="VAT", cron="0 0 1 * *", job="finance.month_end_vat",
            params={"currency": "EUR", "vat_number": tax.taxpayer(username).vat_number},
        )
        assert await schedules.claim_slot(schedule=monthly, slot_at=month_end_slot, claimed_by="test-scheduler")

    run = await the_filing_run(stored, tenant)
    record(run)
    async with tenant_transaction(tenant.id):
        [vat_return] = await scoped(VatReturn).all()
        artifacts = await bots_service.artifacts_of(run_ids=[run.id])
        work_items = await automation_service.list_work_items(kind="bots.run_requested")

    assert run.status.value == "succeeded", (run.error_code, run.error_message)
    assert run.started_by == "automation:scheduler" and supplier is not None
    filed = tax.taxpayers["hooli"].returns[f"{year:04d}-{month:02d}"]
    # 3 × 333.33 at 21 % is 209.9979 and 19.99 at 9 % is 1.7991: 211.80 in euro cents; the supplier's 12.35 reclaimed.
    assert (vat_return.output_vat, vat_return.input_vat) == (Decimal("211.80"), Decimal("12.35"))
    assert run.params["output_vat"] == "211.80" and run.params["input_vat"] == "12.35"
    assert (filed.output_vat, filed.input_vat) == (vat_return.output_vat, vat_return.input_vat)
    assert vat_return.status is VatReturnStatus.FILED and vat_return.period_start == period_start
    assert vat_return.filing_reference == run.result["receipt_number"] == filed.receipt_number
    assert re.fullmatch(r"RCPT-[0-9]{4}-[0-9]{7}", filed.receipt_number)
    [receipt] = [artifact for artifact in artifacts if artifact.kind == "download"]
    assert receipt.name.endswith(".pdf") and receipt.size > 0
    assert (stored.settings.artifacts_dir / receipt.path).read_bytes().startswith(b"%PDF")
    assert work_items == []  # nothing was left to a person
    print(
        f"\nmonth end filed {vat_return.period_start:%Y-%m}: output {vat_return.output_vat} input {vat_return.input_vat}"
        f" net {vat_return.net_vat} EUR, receipt {filed.receipt_number},"
        f" run {(run.finished_at - run.started_at).total_seconds():.2f} s"
    )


async def _supplier_invoice_in(day: date):
    """A purchase with 12.35 of VAT booked in the period, so the return has input VAT to reclaim."""
    supplier = await operations_service.create_supplier(name="Meridian Industrial Supply")
    await finance_service.record_supplier_invoice(
        supplier_id=supplier.id, supplier_reference="MIS-2026-1", currency="EUR", net_amount=Decimal("58.81"),
        tax_amount=Decimal("12.35"), issue_date=day, due_date=day + timedelta(days=30), recorded_by="user:clerk",
    )
    return supplier
