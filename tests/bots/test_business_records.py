"""What a succeeded run puts into the business data, in real Chromium on PostgreSQL: the statement imported
for reconciliation, the computed VAT return marked filed with the receipt number, the supplier's invoice booked."""

from __future__ import annotations

import asyncio
import calendar
from datetime import date
from decimal import Decimal

import pytest

import bots.persisted.execution as execution_module
from bots.persisted import execute_run, start_bot_run
from domain.finance import service as finance
from domain.finance.models import VatReturnStatus
from domain.operations import service as operations
from tenants.context import tenant_transaction
from tests.bots.stored_runs import record, statement_params, stored  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.asyncio(loop_scope="session"),
    pytest.mark.parametrize("test_database", ["postgres"], indirect=True),
]


async def run_stored(stored, tenant, bot: str, params: dict):
    async with tenant_transaction(tenant.id):
        run = await start_bot_run(bot=bot, params=params, started_by="user:clerk")
    execution = await execute_run(stored.runtime, tenant_id=tenant.id, run_id=run.id)
    record(await stored.run(tenant, run.id))
    assert execution.run.state.value == "succeeded", execution.run.error
    return execution.run.result


async def test_a_downloaded_statement_is_imported_once_for_reconciliation(stored):
    tenant = await stored.tenant("acme")
    params = statement_params(stored, days=45)

    downloaded = await run_stored(stored, tenant, "bank.download_statements", params)
    again = await run_stored(stored, tenant, "bank.download_statements", params)
    async with tenant_transaction(tenant.id):
        [statement] = await finance.list_bank_statements()
        lines = await finance.statement_lines(bank_statement_id=statement.id)

    newest, oldest = downloaded.lines[0], downloaded.lines[-1]
    assert again.lines == downloaded.lines
    assert statement.bank_account == downloaded.iban and statement.statement_date == downloaded.date_to
    assert statement.opening_balance == oldest.balance - oldest.amount and statement.closing_balance == newest.balance
    assert [(line.booked_on, line.amount, line.remittance) for line in lines] == [
        (line.date, line.amount, line.reference or None) for line in reversed(downloaded.lines)
    ]


async def test_filing_marks_the_computed_vat_return_filed_with_the_receipt_number(stored):
    tenant = await stored.tenant("globex")
    tax = stored.portals.states["tax"]
    username = stored.portals.account("tax", "globex").username
    period = tax.open_periods(username)[0]
    year, month = (int(part) for part in period.split("-"))
    async with tenant_transaction(tenant.id):
        computed = await finance.prepare_vat_return(
            period_start=date(year, month, 1), period_end=date(year, month, calendar.monthrange(year, month)[1]), currency="EUR"
        )
    params = {"period": period, "vat_number": tax.taxpayer(username).vat_number, "output_vat": str(computed.output_vat), "input_vat": str(computed.input_vat)}

    filed = await run_stored(stored, tenant, "tax.file_vat_return", params)
    async with tenant_transaction(tenant.id):
        [vat_return] = await finance.list_vat_returns()

    assert vat_return.id == computed.id and vat_return.status is VatReturnStatus.FILED
    assert vat_return.filing_reference == filed.receipt_number == tax.taxpayers["globex"].returns[period].receipt_number


async def test_an_invoiced_purchase_order_books_the_suppliers_invoice_against_our_order(stored):
    tenant = await stored.tenant("initech")
    catalogue = stored.portals.states["supplier"].customers["initech"].catalogue
    sku = next(product.sku for product in catalogue.values() if product.stock >= 10)
    async with tenant_transaction(tenant.id):
        supplier = await operations.create_supplier(name="Meridian Industrial Supply")
        warehouse = await operations.create_warehouse(code="MAIN", name="Main")
        product = await operations.create_product(sku=sku, name="Ordered part", preferred_supplier_id=supplier.id)
        order = await operations.create_purchase_order(
            supplier_id=supplier.id, warehouse_id=warehouse.id, currency="EUR", number="PO-2026-7001",
            lines=[operations.PurchaseOrderLineInput(product_id=product.id, quantity=Decimal(4), unit_price=catalogue[sku].unit_price)],
        )
    params = {"po_reference": "PO-2026-7001", "lines": [{"sku": sku, "quantity": 4}], "poll_interval_seconds": 0.05}

    invoiced = await run_stored(stored, tenant, "supplier.submit_purchase_order", params)
    async with tenant_transaction(tenant.id):
        [invoice] = await finance.list_supplier_invoices()

    [portal_order] = [o for o in stored.portals.states["supplier"].customers["initech"].orders if o.po_reference == "PO-2026-7001"]
    assert invoice.supplier_reference == invoiced.invoice_number == portal_order.invoice_number
    assert invoice.purchase_order_id == order.id and invoice.supplier_id == supplier.id
    assert (invoice.net_amount, invoice.tax_amount) == (portal_order.net_total, portal_order.vat) and invoiced.vat > 0


async def test_a_run_read_as_succeeded_has_its_results_booked_already(stored, monkeypatch):
    """The final state commits with the booking: even a slow booking is never seen half done."""
    booking = execution_module.follow_up

    async def slow_booking(*args, **kwargs):
        await asyncio.sleep(1)
        await booking(*args, **kwargs)

    monkeypatch.setattr(execution_module, "follow_up", slow_booking)
    tenant = await stored.tenant("acme")
    async with tenant_transaction(tenant.id):
        run = await start_bot_run(bot="bank.download_statements", params=statement_params(stored, days=10), started_by="user:clerk")
    executing = asyncio.ensure_future(execute_run(stored.runtime, tenant_id=tenant.id, run_id=run.id))

    ended = await stored.until_final(tenant, run.id)
    async with tenant_transaction(tenant.id):
        statements = await finance.list_bank_statements()
    await executing

    assert ended.status.value == "succeeded"
    assert len(statements) == 1
