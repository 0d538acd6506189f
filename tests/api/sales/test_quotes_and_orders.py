"""Quotes and sales orders through the graph: priced lines in one currency, from draft to order."""

from __future__ import annotations

from strawberry import relay

from domain.operations import service as operations_service
from tenants.context import tenant_transaction
from tests.api.crm.keys import api_key_with
from tests.api.sales.builders import create_customer, create_deal, create_pipeline

QUOTE_FIELDS = "id number status total { amount currency } lines { totalCount edges { node { position description quantity unitPrice { amount } lineTotal { amount } } } }"
CREATE_QUOTE = f"mutation($input: CreateQuoteInput!) {{ createQuote(input: $input) {{ quote {{ {QUOTE_FIELDS} }} userErrors {{ field message code }} }} }}"
ORDER_FIELDS = "id number status total { amount currency } quote { number } deal { name } lines { edges { node { description quantity lineTotal { amount } } } }"
CREATE_ORDER = f"mutation($input: CreateSalesOrderInput!) {{ createSalesOrder(input: $input) {{ salesOrder {{ {ORDER_FIELDS} }} userErrors {{ field message code }} }} }}"
FROM_QUOTE = f"mutation($input: CreateSalesOrderFromQuoteInput!) {{ createSalesOrderFromQuote(input: $input) {{ salesOrder {{ {ORDER_FIELDS} }} userErrors {{ field code }} }} }}"
LINES = [
    {"description": "Pallet racking", "quantity": "3", "unitPrice": "120.333"},
    {"description": "Installation", "quantity": "1.5", "unitPrice": "80"},
]


def quote_step(step: str) -> str:
    name = f"{step}Quote"
    return f"mutation($input: {name[0].upper() + name[1:]}Input!) {{ {name}(input: $input) {{ quote {{ status }} userErrors {{ field code }} }} }}"


def order_step(step: str) -> str:
    name = {"cancel": "cancelSalesOrder", "fulfil": "markSalesOrderFulfilled"}[step]
    return f"mutation($input: {name[0].upper() + name[1:]}Input!) {{ {name}(input: $input) {{ salesOrder {{ status }} userErrors {{ field code }} }} }}"


async def test_a_quote_is_priced_line_by_line_sent_accepted_and_ordered_with_the_same_lines(graphql, tenant):
    customer = await create_customer(graphql, tenant)
    created = await graphql.execute(
        CREATE_QUOTE, {"input": {"customerId": customer["id"], "currency": "EUR", "lines": LINES}}, api_key=tenant.api_key
    )
    quote = created["createQuote"]["quote"]

    early = await graphql.execute(quote_step("accept"), {"input": {"quoteId": quote["id"]}}, api_key=tenant.api_key)
    sent = await graphql.execute(quote_step("send"), {"input": {"quoteId": quote["id"]}}, api_key=tenant.api_key)
    accepted = await graphql.execute(quote_step("accept"), {"input": {"quoteId": quote["id"]}}, api_key=tenant.api_key)
    ordered = await graphql.execute(FROM_QUOTE, {"input": {"quoteId": quote["id"]}}, api_key=tenant.api_key)

    assert created["createQuote"]["userErrors"] == []
    assert quote["status"] == "DRAFT" and quote["number"].startswith("Q-")
    assert quote["total"] == {"amount": "481.00", "currency": "EUR"}
    assert [edge["node"] for edge in quote["lines"]["edges"]] == [
        {"position": 1, "description": "Pallet racking", "quantity": "3", "unitPrice": {"amount": "120.333"}, "lineTotal": {"amount": "361.00"}},
        {"position": 2, "description": "Installation", "quantity": "1.5", "unitPrice": {"amount": "80.00"}, "lineTotal": {"amount": "120.00"}},
    ]
    assert early["acceptQuote"] == {"quote": None, "userErrors": [{"field": ["input", "quoteId"], "code": "QUOTE_NOT_SENT"}]}
    assert sent["sendQuote"]["quote"] == {"status": "SENT"} and accepted["acceptQuote"]["quote"] == {"status": "ACCEPTED"}
    order = ordered["createSalesOrderFromQuote"]["salesOrder"]
    assert order["status"] == "OPEN" and order["quote"] == {"number": quote["number"]} and order["total"] == quote["total"]
    assert [edge["node"]["lineTotal"]["amount"] for edge in order["lines"]["edges"]] == ["361.00", "120.00"]


async def test_a_bad_line_names_its_index_and_field_and_writes_nothing(graphql, tenant):
    customer = await create_customer(graphql, tenant)
    bad_lines = [LINES[0], {**LINES[1], "quantity": "0"}]

    quote = await graphql.execute(
        CREATE_QUOTE, {"input": {"customerId": customer["id"], "currency": "EUR", "lines": bad_lines}}, api_key=tenant.api_key
    )
    order = await graphql.execute(
        CREATE_ORDER, {"input": {"customerId": customer["id"], "currency": "EUR", "lines": [{**LINES[0], "unitPrice": "-1"}]}},
        api_key=tenant.api_key,
    )
    empty = await graphql.execute(
        CREATE_ORDER, {"input": {"customerId": customer["id"], "currency": "EUR", "lines": []}}, api_key=tenant.api_key
    )
    listed = await graphql.execute("{ quotes { totalCount } salesOrders { totalCount } }", api_key=tenant.api_key)

    assert quote["createQuote"]["quote"] is None
    assert quote["createQuote"]["userErrors"][0]["field"] == ["input", "lines", "1", "quantity"]
    assert order["createSalesOrder"]["userErrors"][0]["field"] == ["input", "lines", "0", "unitPrice"]
    assert empty["createSalesOrder"]["userErrors"][0] == {"field": ["input", "lines"], "message": "at least one line is needed", "code": "LINES_REQUIRED"}
    assert listed == {"quotes": {"totalCount": 0}, "salesOrders": {"totalCount": 0}}


async def test_an_order_for_another_customers_deal_is_refused(graphql, tenant):
    northwind = await create_customer(graphql, tenant, "Northwind")
    globex = await create_customer(graphql, tenant, "Globex")
    deal = await create_deal(graphql, tenant, customer=northwind, pipeline=await create_pipeline(graphql, tenant))

    refused = await graphql.execute(
        CREATE_ORDER, {"input": {"customerId": globex["id"], "dealId": deal["id"], "currency": "EUR", "lines": LINES}},
        api_key=tenant.api_key,
    )
    accepted = await graphql.execute(
        CREATE_ORDER, {"input": {"customerId": northwind["id"], "dealId": deal["id"], "currency": "EUR", "lines": LINES}},
        api_key=tenant.api_key,
    )

    assert refused["createSalesOrder"]["userErrors"] == [
        {"field": ["input", "dealId"], "message": "the deal belongs to another customer", "code": "CUSTOMER_MISMATCH"}
    ]
    assert accepted["createSalesOrder"]["salesOrder"]["deal"] == {"name": "Pallets 2027"}


async def test_an_order_is_cancelled_or_fulfilled_once_and_orders_filter_and_sort(graphql, tenant):
    customer = await create_customer(graphql, tenant)
    orders = []
    for day, price in (("2026-03-01", "10"), ("2026-03-05", "500"), ("2026-03-09", "70")):
        created = await graphql.execute(
            CREATE_ORDER,
            {"input": {"customerId": customer["id"], "currency": "EUR", "orderedOn": day, "lines": [{"description": "Item", "quantity": "1", "unitPrice": price}]}},
            api_key=tenant.api_key,
        )
        orders.append(created["createSalesOrder"]["salesOrder"])

    cancelled = await graphql.execute(order_step("cancel"), {"input": {"salesOrderId": orders[0]["id"]}}, api_key=tenant.api_key)
    fulfil_cancelled = await graphql.execute(order_step("fulfil"), {"input": {"salesOrderId": orders[0]["id"]}}, api_key=tenant.api_key)

    async def totals(filter=None, order=None):
        data = await graphql.execute(
            "query($filter: SalesOrderFilter, $orderBy: SalesOrderOrder) { salesOrders(filter: $filter, orderBy: $orderBy) { edges { node { total { amount } } } } }",
            {"filter": filter, "orderBy": order}, api_key=tenant.api_key,
        )
        return [edge["node"]["total"]["amount"] for edge in data["salesOrders"]["edges"]]

    assert cancelled["cancelSalesOrder"] == {"salesOrder": {"status": "CANCELLED"}, "userErrors": []}
    assert fulfil_cancelled["markSalesOrderFulfilled"]["userErrors"] == [{"field": ["input", "salesOrderId"], "code": "ORDER_NOT_OPEN"}]
    assert await totals() == ["70.00", "500.00", "10.00"]
    assert await totals(order={"field": "TOTAL", "direction": "DESC"}) == ["500.00", "70.00", "10.00"]
    assert await totals({"status": "OPEN"}, {"field": "ORDERED_ON"}) == ["500.00", "70.00"]
    assert await totals({"orderedAfter": "2026-03-02", "orderedBefore": "2026-03-09"}) == ["500.00"]


async def test_quotes_need_sales_write_and_another_tenants_quote_is_not_found(graphql, tenant, other_tenant):
    customer = await create_customer(graphql, tenant)
    quote = (await graphql.execute(
        CREATE_QUOTE, {"input": {"customerId": customer["id"], "currency": "EUR", "lines": LINES}}, api_key=tenant.api_key
    ))["createQuote"]["quote"]
    reader = await api_key_with(graphql, tenant, "sales:read", "crm:read")

    forbidden = (await graphql.post(quote_step("send"), {"input": {"quoteId": quote["id"]}}, api_key=reader)).json()
    foreign = await graphql.execute(quote_step("send"), {"input": {"quoteId": quote["id"]}}, api_key=other_tenant.api_key)
    foreign_customer = await graphql.execute(
        CREATE_QUOTE, {"input": {"customerId": customer["id"], "currency": "EUR", "lines": LINES}}, api_key=other_tenant.api_key
    )
    still = await graphql.execute("query($id: ID!) { node(id: $id) { ... on Quote { status } } }", {"id": quote["id"]}, api_key=tenant.api_key)

    assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert foreign["sendQuote"] == {"quote": None, "userErrors": [{"field": ["input", "quoteId"], "code": "NOT_FOUND"}]}
    assert foreign_customer["createQuote"]["userErrors"][0]["field"] == ["input", "customerId"]
    assert still["node"] == {"status": "DRAFT"}


async def test_an_orders_product_lines_ship_from_a_warehouse(graphql, tenant):
    customer = await create_customer(graphql, tenant)
    async with tenant_transaction(tenant.id):
        product = await operations_service.create_product(sku="PAL-1", name="Euro pallet")
        warehouse = await operations_service.create_warehouse(code="MAIN", name="Main")
    product_id, warehouse_id = relay.to_base64("Product", product.id), relay.to_base64("Warehouse", warehouse.id)
    lines = [{"description": "Euro pallet", "quantity": "4", "unitPrice": "12", "productId": product_id}, {"description": "Delivery", "quantity": "1", "unitPrice": "30"}]
    order = (await graphql.execute(
        CREATE_ORDER.replace("description quantity", "description quantity product { sku }"),
        {"input": {"customerId": customer["id"], "currency": "EUR", "lines": lines}}, api_key=tenant.api_key,
    ))["createSalesOrder"]["salesOrder"]
    services_only = (await graphql.execute(
        CREATE_ORDER, {"input": {"customerId": customer["id"], "currency": "EUR", "lines": [lines[1]]}}, api_key=tenant.api_key
    ))["createSalesOrder"]["salesOrder"]
    ship = "mutation($input: ShipSalesOrderInput!) { shipSalesOrder(input: $input) { shipment { status customer { name } lines { totalCount } } userErrors { field code } } }"

    shipped = await graphql.execute(ship, {"input": {"salesOrderId": order["id"], "warehouseId": warehouse_id}}, api_key=tenant.api_key)
    nothing = await graphql.execute(ship, {"input": {"salesOrderId": services_only["id"], "warehouseId": warehouse_id}}, api_key=tenant.api_key)

    assert [edge["node"]["product"] for edge in order["lines"]["edges"]] == [{"sku": "PAL-1"}, None]
    assert shipped["shipSalesOrder"] == {"shipment": {"status": "PENDING", "customer": {"name": "Northwind Foods"}, "lines": {"totalCount": 1}}, "userErrors": []}
    assert nothing["shipSalesOrder"] == {"shipment": None, "userErrors": [{"field": ["input", "salesOrderId"], "code": "NOTHING_TO_SHIP"}]}
