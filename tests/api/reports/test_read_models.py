"""The cross-office read models through `reports`, each on data small enough to check by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from strawberry import relay

from domain.crm import service as crm
from domain.finance import service as finance
from domain.finance.models import AccountType, SystemAccount
from domain.hr import service as hr
from domain.legal import service as legal
from domain.legal.models import PartyKind
from domain.operations import service as operations
from domain.sales import service as sales
from tenants.context import tenant_transaction
from tenants.models import Role
from tests.api.reports.keys import api_key_for


async def _invoice(customer_id, amount: str, *, due: date, currency: str = "EUR", tax_rate: str = "0", issued_on: date = date(2024, 1, 1)):
    lines = [finance.InvoiceLineInput(description="Work", quantity=Decimal(1), unit_price=Decimal(amount), tax_rate=Decimal(tax_rate))]
    drafted = await finance.create_invoice(customer_id=customer_id, currency=currency, lines=lines)
    return await finance.issue_invoice(invoice_id=drafted.id, issue_date=issued_on, due_date=due)


AR_AGEING = """
query($asOf: Date) { reports { arAgeing(asOf: $asOf) { totalCount edges { node {
  customer { name } currency current { amount } days1To30 { amount } days31To60 { amount } days61To90 { amount } daysOver90 { amount } total { amount }
} } } } }
"""


async def test_ar_ageing_buckets_what_each_customer_owes_by_days_past_due(graphql, tenant):
    async with tenant_transaction(tenant.id):
        northwind, globex = await crm.create_customer(name="Northwind"), await crm.create_customer(name="Globex")
        await _invoice(northwind.id, "100", due=date(2024, 5, 10))  # not yet due on 2024-05-01
        partly_paid = await _invoice(northwind.id, "200", due=date(2024, 4, 20))  # 11 days past due
        await finance.record_payment(invoice_id=partly_paid.id, amount=Decimal("50"), currency="EUR")  # 150 left
        await _invoice(northwind.id, "300", due=date(2024, 1, 15))  # 107 days past due
        await _invoice(globex.id, "80", due=date(2024, 3, 1))  # 61 days past due
        await _invoice(globex.id, "40", due=date(2024, 3, 20), currency="USD")  # 42 days past due, in USD
        voided = await _invoice(globex.id, "999", due=date(2024, 2, 1))
        await finance.void_invoice(invoice_id=voided.id, reason="duplicate")
        await finance.create_invoice(customer_id=globex.id, currency="EUR", lines=[finance.InvoiceLineInput("Draft", Decimal(1), Decimal(7))])

    data = await graphql.execute(AR_AGEING, {"asOf": "2024-05-01"}, api_key=tenant.api_key)

    rows = {(edge["node"]["customer"]["name"], edge["node"]["currency"]): edge["node"] for edge in data["reports"]["arAgeing"]["edges"]}
    amounts = {key: [row[bucket]["amount"] for bucket in ("current", "days1To30", "days31To60", "days61To90", "daysOver90", "total")] for key, row in rows.items()}
    assert amounts == {
        ("Northwind", "EUR"): ["100.00", "150.00", "0.00", "0.00", "300.00", "550.00"],
        ("Globex", "EUR"): ["0.00", "0.00", "0.00", "80.00", "0.00", "80.00"],
        ("Globex", "USD"): ["0.00", "0.00", "40.00", "0.00", "0.00", "40.00"],
    }


PIPELINE = """
query($id: ID!) { reports { pipelineByStage(pipelineId: $id) {
  name position probability dealCount values { amount currency } weightedValues { amount currency } stage { name }
} } }
"""


async def test_pipeline_by_stage_sums_open_deals_per_stage_and_currency(graphql, tenant, other_tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        stages = [sales.StageInput("Qualify", 10), sales.StageInput("Propose", 50), sales.StageInput("Negotiate", 80)]
        pipeline = await sales.create_pipeline(name="New business", stages=stages)
        qualify, propose, _ = await sales.pipeline_stages(pipeline_id=pipeline.id)
        for amount, currency, stage in (("1000", "EUR", qualify), ("2000", "EUR", qualify), ("500", "USD", qualify), ("4000", "EUR", propose)):
            await sales.create_deal(
                customer_id=customer.id, pipeline_id=pipeline.id, name=f"Deal {amount}", amount=Decimal(amount), currency=currency,
                created_by="test", stage_id=stage.id,
            )
        won = await sales.create_deal(customer_id=customer.id, pipeline_id=pipeline.id, name="Won", amount=Decimal(9999), currency="EUR", created_by="test")
        await sales.mark_deal_won(deal_id=won.id, changed_by="test")
    pipeline_id = relay.to_base64("Pipeline", pipeline.id)

    data = await graphql.execute(PIPELINE, {"id": pipeline_id}, api_key=tenant.api_key)
    foreign = (await graphql.post(PIPELINE, {"id": pipeline_id}, api_key=other_tenant.api_key)).json()

    assert data["reports"]["pipelineByStage"] == [
        {"name": "Qualify", "position": 1, "probability": 10, "dealCount": 3, "stage": {"name": "Qualify"},
         "values": [{"amount": "3000.00", "currency": "EUR"}, {"amount": "500.00", "currency": "USD"}],
         "weightedValues": [{"amount": "300.00", "currency": "EUR"}, {"amount": "50.00", "currency": "USD"}]},
        {"name": "Propose", "position": 2, "probability": 50, "dealCount": 1, "stage": {"name": "Propose"},
         "values": [{"amount": "4000.00", "currency": "EUR"}], "weightedValues": [{"amount": "2000.00", "currency": "EUR"}]},
        {"name": "Negotiate", "position": 3, "probability": 80, "dealCount": 0, "stage": {"name": "Negotiate"}, "values": [], "weightedValues": []},
    ]
    assert foreign["errors"][0]["extensions"]["code"] == "NOT_FOUND" and foreign["data"]["reports"]["pipelineByStage"] is None


BELOW_REORDER = """
{ reports { productsBelowReorderPoint { totalCount edges { node {
  product { sku } onHand reorderPoint reorderQuantity quantityOnOrder preferredSupplier { name }
  openPurchaseOrders { number quantityOutstanding purchaseOrder { status } }
} } } } }
"""


async def test_products_below_reorder_point_come_with_their_open_purchase_orders(graphql, tenant):
    async with tenant_transaction(tenant.id):
        supplier = await operations.create_supplier(name="Bolts Inc")
        north, south = await operations.create_warehouse(code="NORTH", name="North"), await operations.create_warehouse(code="SOUTH", name="South")
        bolt = await operations.create_product(sku="BOLT", name="Bolt", reorder_point=Decimal(10), reorder_quantity=Decimal(50), preferred_supplier_id=supplier.id)
        nut = await operations.create_product(sku="NUT", name="Nut", reorder_point=Decimal(5))
        washer = await operations.create_product(sku="WASHER", name="Washer", reorder_point=Decimal(5))
        retired = await operations.create_product(sku="OLD", name="Old", reorder_point=Decimal(5))
        await operations.update_product(product_id=retired.id, active=False)
        for product, warehouse, quantity in ((bolt, north, 2), (bolt, south, 3), (nut, north, 6)):
            await operations.adjust_stock(product_id=product.id, warehouse_id=warehouse.id, quantity_change=Decimal(quantity), reason="count")
        order = await operations.create_purchase_order(
            supplier_id=supplier.id, warehouse_id=north.id, currency="EUR", number="PO-OPEN",
            lines=[operations.PurchaseOrderLineInput(product_id=bolt.id, quantity=Decimal(20), unit_price=Decimal(1))],
        )
        [line] = await operations.purchase_order_lines(purchase_order_id=order.id)
        await operations.receive_goods(purchase_order_id=order.id, lines=[operations.ReceiptLineInput(purchase_order_line_id=line.id, quantity=Decimal(3))])
        cancelled = await operations.create_purchase_order(
            supplier_id=supplier.id, warehouse_id=north.id, currency="EUR", number="PO-CANCELLED",
            lines=[operations.PurchaseOrderLineInput(product_id=bolt.id, quantity=Decimal(40), unit_price=Decimal(1))],
        )
        await operations.cancel_purchase_order(purchase_order_id=cancelled.id)
        assert washer and nut

    data = await graphql.execute(BELOW_REORDER, api_key=tenant.api_key)

    # BOLT: 2 + 3 counted + 3 received = 8 < 10, 20 - 3 = 17 still on order; NUT has 6 >= 5; WASHER has none; OLD is inactive.
    assert data["reports"]["productsBelowReorderPoint"] == {"totalCount": 2, "edges": [
        {"node": {"product": {"sku": "BOLT"}, "onHand": "8", "reorderPoint": "10", "reorderQuantity": "50", "quantityOnOrder": "17",
                  "preferredSupplier": {"name": "Bolts Inc"},
                  "openPurchaseOrders": [{"number": "PO-OPEN", "quantityOutstanding": "17", "purchaseOrder": {"status": "PARTIALLY_RECEIVED"}}]}},
        {"node": {"product": {"sku": "WASHER"}, "onHand": "0", "reorderPoint": "5", "reorderQuantity": "0", "quantityOnOrder": "0",
                  "preferredSupplier": None, "openPurchaseOrders": []}},
    ]}


HEADCOUNT = "query($on: Date) { reports { headcountByDepartment(on: $on) { name headcount department { name } } } }"


async def test_headcount_by_department_counts_who_was_in_each_department_that_day(graphql, tenant):
    async with tenant_transaction(tenant.id):
        sales_dept, support, _ = [await hr.create_department(name=name) for name in ("Sales", "Support", "Legal")]
        hire = lambda first, on, dept: hr.hire_employee(first_name=first, last_name="Example", hired_on=on, department_id=dept.id)  # noqa: E731
        await hire("Ada", date(2024, 1, 1), sales_dept)
        grace = await hire("Grace", date(2024, 1, 1), sales_dept)
        await hr.assign_employee_to_department(employee_id=grace.id, department_id=support.id, on=date(2024, 5, 1))
        bob = await hire("Bob", date(2024, 1, 1), sales_dept)
        await hr.terminate_employee(employee_id=bob.id, on=date(2024, 5, 15))
        await hire("Alan", date(2024, 7, 1), sales_dept)

    april = await graphql.execute(HEADCOUNT, {"on": "2024-04-01"}, api_key=tenant.api_key)
    june = await graphql.execute(HEADCOUNT, {"on": "2024-06-01"}, api_key=tenant.api_key)

    counts = lambda data: [(row["name"], row["headcount"]) for row in data["reports"]["headcountByDepartment"]]  # noqa: E731
    # April: Ada, Grace and Bob in Sales. June: Grace moved to Support, Bob left, Alan not yet hired.
    assert counts(april) == [("Legal", 0), ("Sales", 3), ("Support", 0)]
    assert counts(june) == [("Legal", 0), ("Sales", 1), ("Support", 1)]
    assert june["reports"]["headcountByDepartment"][1]["department"] == {"name": "Sales"}


EXPIRING = """
query($days: Int!, $asOf: Date) { reports { contractsExpiring(withinDays: $days, asOf: $asOf) { totalCount edges { node {
  number title value { amount currency } renewalDate noticeDeadline autoRenew willEnd daysLeft contract { status }
} } } } }
"""


async def test_contracts_expiring_within_n_days_roll_auto_renewing_terms_forward(graphql, tenant):
    async with tenant_transaction(tenant.id):
        party = [legal.PartyInput(kind=PartyKind.OTHER, name="Counterparty")]
        sign = lambda number, start, **terms: legal.create_contract(  # noqa: E731
            title=f"Contract {number}", value=Decimal("1200"), currency="EUR", start_date=start, parties=party, number=number, **terms
        )
        await sign("C-A", date(2024, 2, 1), term_months=12, notice_period_days=30, auto_renew=False)  # ends 2025-02-01
        await sign("C-B", date(2023, 1, 20), term_months=12)  # renews 2024-01-20, then 2025-01-20
        await sign("C-C", date(2024, 6, 1), term_months=12)  # 2025-06-01: outside the window
        ended = await sign("C-D", date(2024, 1, 10), term_months=12)
        await legal.terminate_contract(contract_id=ended.id, on=date(2024, 12, 1))

    data = await graphql.execute(EXPIRING, {"days": 60, "asOf": "2025-01-01"}, api_key=tenant.api_key)

    assert data["reports"]["contractsExpiring"] == {"totalCount": 2, "edges": [
        {"node": {"number": "C-B", "title": "Contract C-B", "value": {"amount": "1200.00", "currency": "EUR"}, "renewalDate": "2025-01-20",
                  "noticeDeadline": "2025-01-20", "autoRenew": True, "willEnd": False, "daysLeft": 19, "contract": {"status": "ACTIVE"}}},
        {"node": {"number": "C-A", "title": "Contract C-A", "value": {"amount": "1200.00", "currency": "EUR"}, "renewalDate": "2025-02-01",
                  "noticeDeadline": "2025-01-02", "autoRenew": False, "willEnd": True, "daysLeft": 31, "contract": {"status": "ACTIVE"}}},
    ]}


PROFIT_AND_LOSS = """
query($start: Date!, $end: Date!, $currency: String!) { reports { profitAndLoss(periodStart: $start, periodEnd: $end, currency: $currency) {
  currency income { code amount { amount } } expenses { code name amount { amount } account { type } }
  totalIncome { amount } totalExpenses { amount } netProfit { amount }
} } }
"""


async def test_profit_and_loss_for_a_period_comes_from_the_posted_ledger(graphql, tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        await _invoice(customer.id, "1000", due=date(2024, 3, 1), tax_rate="0.2", issued_on=date(2024, 2, 1))  # revenue 1000, VAT is no income
        await _invoice(customer.id, "500", due=date(2024, 5, 1), issued_on=date(2024, 4, 5))  # after the period
        voided = await _invoice(customer.id, "250", due=date(2024, 4, 1), issued_on=date(2024, 3, 1))
        await finance.void_invoice(invoice_id=voided.id, reason="wrong customer", on=date(2024, 3, 2))  # +250 and -250
        await _invoice(customer.id, "100", due=date(2024, 3, 1), currency="USD", issued_on=date(2024, 2, 10))
        supplier = await operations.create_supplier(name="Office Supplies")
        await finance.record_supplier_invoice(
            supplier_id=supplier.id, supplier_reference="S-1", currency="EUR", net_amount=Decimal(300), tax_amount=Decimal(60),
            issue_date=date(2024, 3, 10), due_date=date(2024, 4, 10),
        )
        rent = await finance.create_account(code="6100", name="Rent", type=AccountType.EXPENSE)
        bank = await finance.system_account(role=SystemAccount.BANK)
        entries = [finance.EntryInput(account_id=rent.id, debit=Decimal(200)), finance.EntryInput(account_id=bank.id, credit=Decimal(200))]
        await finance.record_journal(entry_date=date(2024, 1, 31), description="January rent", currency="EUR", entries=entries)
        await finance.create_journal(entry_date=date(2024, 1, 31), description="Draft rent", currency="EUR", entries=entries)  # not posted

    period = {"start": "2024-01-01", "end": "2024-03-31"}
    eur, usd, gbp = [
        (await graphql.execute(PROFIT_AND_LOSS, {**period, "currency": currency}, api_key=tenant.api_key))["reports"]["profitAndLoss"]
        for currency in ("EUR", "USD", "GBP")
    ]

    # EUR: revenue 1000 (the voided 250 nets to nothing), expenses 300 bought + 200 rent; the April invoice and the draft are out.
    assert eur == {
        "currency": "EUR", "income": [{"code": "4000", "amount": {"amount": "1000.00"}}],
        "expenses": [{"code": "6000", "name": "Purchases and expenses", "amount": {"amount": "300.00"}, "account": {"type": "EXPENSE"}},
                     {"code": "6100", "name": "Rent", "amount": {"amount": "200.00"}, "account": {"type": "EXPENSE"}}],
        "totalIncome": {"amount": "1000.00"}, "totalExpenses": {"amount": "500.00"}, "netProfit": {"amount": "500.00"},
    }
    assert usd == {
        "currency": "USD", "income": [{"code": "4000", "amount": {"amount": "100.00"}}], "expenses": [],
        "totalIncome": {"amount": "100.00"}, "totalExpenses": {"amount": "0.00"}, "netProfit": {"amount": "100.00"},
    }
    assert gbp["income"] == [] and gbp["netProfit"] == {"amount": "0.00"}
    unknown = (await graphql.post(PROFIT_AND_LOSS, {**period, "currency": "XXX"}, api_key=tenant.api_key)).json()
    assert unknown["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT" and unknown["errors"][0]["path"] == ["reports", "profitAndLoss"]


async def test_each_report_asks_for_its_own_areas_read_scope(graphql, tenant):
    front_office = await api_key_for(tenant, Role.FRONT_OFFICE)  # finance:read, but no hr:read

    response = await graphql.post(
        '{ reports { arAgeing { totalCount } headcountByDepartment { name } profitAndLoss(periodStart: "2024-01-01", periodEnd: "2024-12-31", currency: "EUR") { netProfit { amount } } } }',
        api_key=front_office,
    )

    body = response.json()
    assert body["data"]["reports"] == {"arAgeing": {"totalCount": 0}, "headcountByDepartment": None, "profitAndLoss": {"netProfit": {"amount": "0.00"}}}
    assert [(error["path"], error["extensions"]["code"]) for error in body["errors"]] == [(["reports", "headcountByDepartment"], "FORBIDDEN")]
