"""The workflows across the offices, end to end on the real Redis broker: the domain records an event,
the relay publishes it, the worker runs the automations, and the next office's records appear."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from domain import clock
from domain.automation import schedules
from domain.automation import service as automation_service
from domain.automation.models import Job, JobStatus
from domain.crm import service as crm_service
from domain.finance import service as finance_service
from domain.finance.models import Invoice, InvoiceStatus, Payment, VatReturn
from domain.hr import service as hr_service
from domain.hr.models import TrainingEnrolment
from domain.it import service as it_service
from domain.operations import service as operations_service
from domain.operations.models import PurchaseOrder, PurchaseOrderLine, Shipment
from domain.sales import service as sales_service
from domain.sales.models import SalesOrder
from domain.service import service as service_desk
from tenants.context import tenant_transaction
from tenants.ownership import scoped
from tests.workers.harness import eventually, redis_worker, unique


@pytest.fixture(scope="module")
def test_database(postgres_database):
    """PostgreSQL only: the production pair of database and broker, with row-level security on."""
    return postgres_database


@pytest.fixture
async def worker(db):
    async with redis_worker(db) as running:
        yield running


async def in_tenant(tenant, query):
    async with tenant_transaction(tenant.id):
        return await query()


async def no_failed_jobs(tenant) -> None:
    failed = await in_tenant(tenant, lambda: scoped(Job).filter(status=JobStatus.FAILED).values_list("actor", "last_error"))
    assert failed == []


async def test_a_won_deal_becomes_an_order_with_stock_reserved_a_purchase_order_for_the_shortfall_and_an_issued_invoice(worker, tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm_service.create_customer(name="Northwind")
        supplier = await operations_service.create_supplier(name=unique("Supplier"))
        product = await operations_service.create_product(
            sku=unique("SKU"), name="Widget", reorder_quantity=Decimal(10), preferred_supplier_id=supplier.id
        )
        warehouse = await operations_service.create_warehouse(code=unique("W")[:20], name="Main")
        await operations_service.adjust_stock(product_id=product.id, warehouse_id=warehouse.id, quantity_change=Decimal(2), reason="count")
        pipeline = await sales_service.create_pipeline(name="New business", stages=[sales_service.StageInput(name="Open")])
        deal = await sales_service.create_deal(
            customer_id=customer.id, pipeline_id=pipeline.id, name="Widgets", amount=Decimal(500), currency="EUR",
            created_by="ana", owner="ana@acme.example",
        )
        quote = await sales_service.create_quote(
            customer_id=customer.id, currency="EUR", deal_id=deal.id,
            lines=[sales_service.SalesLineInput(description="Widget", quantity=Decimal(5), unit_price=Decimal(100), product_id=product.id)],
        )
        await sales_service.send_quote(quote_id=quote.id)
        await sales_service.accept_quote(quote_id=quote.id)
        await sales_service.mark_deal_won(deal_id=deal.id, changed_by="ana")

    async def issued_invoice():
        order = await scoped(SalesOrder).filter(deal_id=deal.id).first()
        return order and await scoped(Invoice).filter(sales_order_id=order.id, status=InvoiceStatus.ISSUED).first()

    invoice = await eventually(lambda: in_tenant(tenant, issued_invoice), what="the invoice of the won deal's order")
    async with tenant_transaction(tenant.id):
        order = await scoped(SalesOrder).get(deal_id=deal.id)
        shipments = await scoped(Shipment).filter(sales_order_id=order.id)
        [purchase_order] = await scoped(PurchaseOrder).filter(supplier_id=supplier.id)
        [po_line] = await scoped(PurchaseOrderLine).filter(purchase_order_id=purchase_order.id)
    assert order.total == Decimal(500) and invoice.total == Decimal(500)
    assert [str(s.status) for s in shipments] == ["pending"] and shipments[0].warehouse_id == warehouse.id
    assert po_line.quantity == Decimal(10)  # 3 short, ordered at the reorder quantity
    await no_failed_jobs(tenant)


async def test_an_overdue_invoice_is_announced_once_by_the_daily_check_then_reminded_and_ticketed_for_the_account_owner(worker, tenant):
    async with tenant_transaction(tenant.id):
        department = await hr_service.create_department(name="Sales")
        owner = await hr_service.hire_employee(
            first_name="Ana", last_name="Owner", hired_on=date(2023, 1, 2), department_id=department.id, email="ana@acme.example"
        )
        customer = await crm_service.create_customer(name="Late Payer")
        pipeline = await sales_service.create_pipeline(name="Pipe", stages=[sales_service.StageInput(name="Open")])
        deal = await sales_service.create_deal(
            customer_id=customer.id, pipeline_id=pipeline.id, name="Deal", amount=Decimal(100), currency="EUR",
            created_by="ana", owner="ana@acme.example",
        )
        await sales_service.mark_deal_lost(deal_id=deal.id, reason="test keeps it simple", changed_by="ana")
        draft = await finance_service.create_invoice(
            customer_id=customer.id, currency="EUR",
            lines=[finance_service.InvoiceLineInput(description="Service", quantity=Decimal(1), unit_price=Decimal(120))],
        )
        invoice = await finance_service.issue_invoice(invoice_id=draft.id, issue_date=date(2024, 1, 1), due_date=date(2024, 1, 31))
        daily = await automation_service.create_schedule(name="Overdue check", cron="0 6 * * *", job="finance.check_overdue_invoices")
        slot = datetime.now(UTC).replace(hour=6, minute=0, second=0, microsecond=0)
        claimed = [await schedules.claim_slot(schedule=daily, slot_at=slot, claimed_by=f"worker-{n}") for n in range(2)]
    assert claimed == [True, False]

    async def ticket():
        return await service_desk.list_tickets(customer_id=customer.id).first()

    opened = await eventually(lambda: in_tenant(tenant, ticket), what="the overdue ticket")
    async with tenant_transaction(tenant.id):
        again = await schedules.claim_slot(schedule=daily, slot_at=slot + timedelta(days=1), claimed_by="worker-1")
        reminders = await crm_service.list_interactions(customer_id=customer.id)
    assert again
    await asyncio.sleep(1.5)  # the next day's check runs too, and must not announce the invoice again
    async with tenant_transaction(tenant.id):
        tickets = await service_desk.list_tickets(customer_id=customer.id)
    assert len(tickets) == 1 and opened.assignee_id == owner.id
    assert [r.subject for r in reminders] == [f"Payment reminder: invoice {invoice.number} was due on 2024-01-31"]
    await no_failed_jobs(tenant)


async def test_an_imported_statement_pays_the_clear_matches_and_lists_the_rest_with_scored_candidates(worker, tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm_service.create_customer(name="Payer")
        invoices = []
        for amount in (Decimal(100), Decimal(250)):
            draft = await finance_service.create_invoice(
                customer_id=customer.id, currency="EUR",
                lines=[finance_service.InvoiceLineInput(description="Goods", quantity=Decimal(1), unit_price=amount)],
            )
            invoices.append(await finance_service.issue_invoice(invoice_id=draft.id, issue_date=date(2025, 3, 1), due_date=date(2025, 3, 31)))
        statement = await finance_service.import_bank_statement(
            bank_account="NL91ABNA0417164300", reference=unique("ST"), currency="EUR", statement_date=date(2025, 3, 20),
            opening_balance=Decimal(0), closing_balance=Decimal(392),
            lines=[
                finance_service.StatementLineInput(booked_on=date(2025, 3, 10), amount=Decimal(100), remittance=f"Payment {invoices[0].number}"),
                finance_service.StatementLineInput(booked_on=date(2025, 3, 12), amount=Decimal(250), remittance="thanks"),
                finance_service.StatementLineInput(booked_on=date(2025, 3, 14), amount=Decimal(42), remittance="unknown"),
            ],
        )

    async def work_item():
        return await automation_service.list_work_items(kind="finance.unmatched_bank_lines").first()

    item = await eventually(lambda: in_tenant(tenant, work_item), what="the list of unmatched lines")
    async with tenant_transaction(tenant.id):
        payments = await scoped(Payment).filter(invoice_id=invoices[0].id)
    assert [p.amount for p in payments] == [Decimal(100)]
    assert item.details["bank_statement_id"] == str(statement.id) and item.details["matched"] == 1
    second, third = item.details["lines"]
    assert second["amount"] == "250.0000" and second["candidates"][0] == {
        "invoice_id": str(invoices[1].id), "number": invoices[1].number, "score": 50, "reasons": ["amount", "date"],
    }
    assert third["amount"] == "42.0000"
    await no_failed_jobs(tenant)


async def test_a_new_hire_gets_an_equipment_request_and_the_trainings_starting_soon(worker, tenant):
    async with tenant_transaction(tenant.id):
        department = await hr_service.create_department(name="Engineering")
        soon = await hr_service.create_training(title="Security basics", starts_on=date(2025, 6, 10))
        await hr_service.create_training(title="Later course", starts_on=date(2025, 12, 1))
        hire = await hr_service.hire_employee(first_name="Bo", last_name="New", hired_on=date(2025, 6, 2), department_id=department.id)

    async def request():
        return await it_service.list_support_requests().filter(requester_id=hire.id).first()

    opened = await eventually(lambda: in_tenant(tenant, request), what="the equipment request")
    await eventually(lambda: in_tenant(tenant, lambda: scoped(TrainingEnrolment).filter(employee_id=hire.id).exists()), what="enrolment")
    async with tenant_transaction(tenant.id):
        enrolled = await scoped(TrainingEnrolment).filter(employee_id=hire.id).values_list("training_id", flat=True)
    assert opened.subject == f"New starter equipment for {hire.employee_number}"
    assert enrolled == [soon.id]
    await no_failed_jobs(tenant)


async def test_a_supplier_invoice_for_more_than_was_received_goes_to_a_person(worker, tenant):
    async with tenant_transaction(tenant.id):
        supplier = await operations_service.create_supplier(name=unique("Bolts Ltd"))
        product = await operations_service.create_product(sku=unique("BOLT"), name="Bolt")
        warehouse = await operations_service.create_warehouse(code=unique("W")[:20], name="Main")
        order = await operations_service.create_purchase_order(
            supplier_id=supplier.id, warehouse_id=warehouse.id, currency="EUR",
            lines=[operations_service.PurchaseOrderLineInput(product_id=product.id, quantity=Decimal(10), unit_price=Decimal(5))],
        )
        [line] = await operations_service.purchase_order_lines(purchase_order_id=order.id)
        await operations_service.receive_goods(
            purchase_order_id=order.id, lines=[operations_service.ReceiptLineInput(purchase_order_line_id=line.id, quantity=Decimal(6))]
        )
        await finance_service.record_supplier_invoice(
            supplier_id=supplier.id, supplier_reference="B-1", currency="EUR", net_amount=Decimal(50), tax_amount=Decimal(10),
            issue_date=date(2025, 4, 1), due_date=date(2025, 5, 1), purchase_order_id=order.id,
        )

    async def mismatch():
        return await automation_service.list_work_items(kind="finance.three_way_mismatch").first()

    item = await eventually(lambda: in_tenant(tenant, mismatch), what="the three-way mismatch")
    assert item.details["invoiced"] == "50.0000" and item.details["received"] == "30.00" and item.details["ordered"] == "50.0000"
    assert item.details["discrepancies"] == ["invoiced 50.0000 EUR but the goods received are worth 30.00"]
    await no_failed_jobs(tenant)


async def test_month_end_computes_last_months_vat_return_and_requests_its_filing(worker, tenant):
    today = clock.today()
    last_month_day = today.replace(day=1) - timedelta(days=10)
    async with tenant_transaction(tenant.id):
        customer = await crm_service.create_customer(name="Taxed")
        draft = await finance_service.create_invoice(
            customer_id=customer.id, currency="EUR",
            lines=[finance_service.InvoiceLineInput(description="Goods", quantity=Decimal(1), unit_price=Decimal(1000), tax_rate=Decimal("0.21"))],
        )
        await finance_service.issue_invoice(invoice_id=draft.id, issue_date=last_month_day, due_date=last_month_day + timedelta(days=30))
        monthly = await automation_service.create_schedule(
            name="VAT", cron="0 0 1 * *", job="finance.month_end_vat", params={"currency": "EUR", "vat_number": "NL123456789B01"}
        )
        await schedules.claim_slot(schedule=monthly, slot_at=datetime.combine(today.replace(day=1), datetime.min.time(), UTC), claimed_by="test")

    async def filing_requested():
        return await automation_service.list_work_items(kind="bots.run_requested").first()

    item = await eventually(lambda: in_tenant(tenant, filing_requested), what="the filing request")
    async with tenant_transaction(tenant.id):
        [vat_return] = await scoped(VatReturn).all()
    assert vat_return.period_start == last_month_day.replace(day=1) and vat_return.output_vat == Decimal("210")
    # No tax portal is configured for this tenant: the bot cannot start, so a person is asked, with why.
    assert item.details["bot"] == "tax.file_vat_return" and item.details["params"]["output_vat"] == "210.00"
    assert item.details["reason"]
    await no_failed_jobs(tenant)
