"""A tenant with business data in every area can still be exported and deleted whole (posted journals included)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.crm import service as crm
from domain.crm.models import Channel
from domain.finance import service as finance
from domain.hr import service as hr
from domain.it import service as it
from domain.it.models import AssetKind
from domain.legal import service as legal
from domain.legal.models import PartyKind
from domain.marketing import service as marketing
from domain.marketing.models import CampaignChannel
from domain.operations import service as operations
from domain.sales import service as sales
from domain.service import service as support
from tenants import export as tenant_export
from tenants.context import tenant_transaction
from tenants.ownership import scoped


async def fill_every_area() -> None:
    customer = await crm.create_customer(name="Northwind")
    contact = await crm.create_contact(customer_id=customer.id, first_name="Ann", last_name="Lee")
    department = await hr.create_department(name="Sales")
    employee = await hr.hire_employee(first_name="Bob", last_name="B", hired_on=date(2024, 1, 1), department_id=department.id)
    supplier = await operations.create_supplier(name="Acme")
    warehouse = await operations.create_warehouse(code="MAIN", name="Main")
    product = await operations.create_product(sku="P1", name="Widget", preferred_supplier_id=supplier.id)
    order = await operations.create_purchase_order(
        supplier_id=supplier.id, warehouse_id=warehouse.id, currency="EUR",
        lines=[operations.PurchaseOrderLineInput(product_id=product.id, quantity=Decimal("5"), unit_price=Decimal("2"))],
    )
    [line] = await operations.purchase_order_lines(purchase_order_id=order.id)
    await operations.receive_goods(purchase_order_id=order.id, lines=[operations.ReceiptLineInput(purchase_order_line_id=line.id, quantity=Decimal("5"))])
    pipeline = await sales.create_pipeline(name="New", stages=[sales.StageInput("Qualify"), sales.StageInput("Close")])
    deal = await sales.create_deal(customer_id=customer.id, pipeline_id=pipeline.id, name="Deal", amount=Decimal("10"), currency="EUR", created_by="u")
    await sales.mark_deal_won(deal_id=deal.id, changed_by="u")
    sales_order = await sales.create_sales_order(
        customer_id=customer.id, currency="EUR", deal_id=deal.id,
        lines=[sales.SalesLineInput(description="Widget", quantity=Decimal("1"), unit_price=Decimal("10"), product_id=product.id)],
    )
    shipment = await sales.ship_sales_order(sales_order_id=sales_order.id, warehouse_id=warehouse.id)
    await operations.ship_shipment(shipment_id=shipment.id)
    invoice = await finance.create_invoice_from_sales_order(sales_order_id=sales_order.id, tax_rate=Decimal("0.2"))
    invoice = await finance.issue_invoice(invoice_id=invoice.id, issue_date=date(2024, 2, 1))
    statement = await finance.import_bank_statement(
        bank_account="ACC", reference="S1", currency="EUR", statement_date=date(2024, 2, 5), opening_balance=Decimal("0"),
        closing_balance=Decimal("12"), lines=[finance.StatementLineInput(booked_on=date(2024, 2, 5), amount=Decimal("12"), remittance=invoice.number)],
    )
    await finance.reconcile_bank_statement(bank_statement_id=statement.id)
    await finance.record_supplier_invoice(
        supplier_id=supplier.id, supplier_reference="B1", currency="EUR", net_amount=Decimal("10"), tax_amount=Decimal("2"),
        issue_date=date(2024, 2, 1), due_date=date(2024, 3, 1), purchase_order_id=order.id,
    )
    vat_return = await finance.prepare_vat_return(period_start=date(2024, 1, 1), period_end=date(2024, 3, 31), currency="EUR")
    await finance.file_vat_return(vat_return_id=vat_return.id, filing_reference="R1")
    ticket = await support.open_ticket(customer_id=customer.id, contact_id=contact.id, subject="Help", channel=Channel.EMAIL, opened_by="u")
    await support.assign_ticket(ticket_id=ticket.id, employee_id=employee.id, assigned_by="u")
    segment = await marketing.create_segment(name="All")
    await marketing.add_customers_to_segment(segment_id=segment.id, customer_ids=[customer.id])
    campaign = await marketing.create_campaign(name="Spring", channel=CampaignChannel.EMAIL, segment_id=segment.id)
    await marketing.launch_campaign(campaign_id=campaign.id)
    contract = await legal.create_contract(
        title="Support", value=Decimal("100"), currency="EUR", start_date=date(2024, 1, 1), term_months=12,
        parties=[legal.PartyInput(kind=PartyKind.CUSTOMER, customer_id=customer.id), legal.PartyInput(kind=PartyKind.EMPLOYEE, employee_id=employee.id)],
    )
    await legal.add_obligation(contract_id=contract.id, description="Report", due_date=date(2024, 6, 1), responsible_id=employee.id)
    asset = await it.register_asset(asset_tag="LT-1", name="Laptop", kind=AssetKind.LAPTOP)
    await it.assign_asset(asset_id=asset.id, employee_id=employee.id)
    await it.open_support_request(requester_id=employee.id, subject="Slow", asset_id=asset.id)


async def test_a_tenant_with_data_in_every_area_is_exported_and_deleted_whole(tenant, other_tenant, tmp_path):
    for owner in (tenant, other_tenant):
        async with tenant_transaction(owner.id):
            await fill_every_area()
    export = tmp_path / "export.jsonl"
    with export.open("w") as handle:
        rows = await tenant_export.export_tenant(tenant_id=tenant.id, write=handle.write)

    await tenant_export.delete_tenant(tenant_id=tenant.id, export_path=export)

    models = tenant_export.tenant_owned_models()
    async with tenant_transaction(tenant.id):
        left = {model._meta.db_table: await scoped(model).count() for model in models}
    async with tenant_transaction(other_tenant.id):
        kept = {model._meta.db_table: await scoped(model).count() for model in models}
    assert rows > 80
    assert {table: count for table, count in left.items() if count} == {}
    assert kept["finance_journal_entries"] > 0 and kept["operations_stock_movements"] > 0
