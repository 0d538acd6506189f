"""Purchase orders and goods receipts (never more than ordered), shipments (stock leaves when they ship, all or none)."""

from __future__ import annotations

from tests.api.operations.helpers import adjust, product, supplier, warehouse

CREATE_ORDER = """
mutation($input: CreatePurchaseOrderInput!) {
  createPurchaseOrder(input: $input) {
    purchaseOrder { id number status total { amount currency } supplier { name } warehouse { code }
      lines { edges { node { id quantity unitPrice { amount } lineTotal { amount } product { sku } } } } }
    userErrors { field message code }
  }
}
"""
RECEIVE = """
mutation($input: ReceiveGoodsInput!) {
  receiveGoods(input: $input) {
    goodsReceipt { number lines { edges { node { quantity product { sku } } } } }
    purchaseOrder { status lines { edges { node { quantityReceived } } } }
    userErrors { field message code }
  }
}
"""
ORDERS = """
query($filter: PurchaseOrderFilter, $orderBy: PurchaseOrderOrder) {
  purchaseOrders(filter: $filter, orderBy: $orderBy) { totalCount edges { node { number status } } }
}
"""
CREATE_SHIPMENT = """
mutation($input: CreateShipmentInput!) {
  createShipment(input: $input) { shipment { id number status lines { edges { node { quantity product { sku } } } } } userErrors { field code } }
}
"""
SHIP = """
mutation($input: ShipShipmentInput!) {
  shipShipment(input: $input) { shipment { status carrier trackingNumber } userErrors { field message code } }
}
"""


async def order(graphql, tenant, lines: list[tuple[str, str, str]], *, number: str | None = None, ordered_on: str = "2024-03-01") -> dict:
    variables = {"input": {
        "supplierId": await supplier(graphql, tenant, f"Supplier {number or len(lines)}"),
        "warehouseId": await warehouse(graphql, tenant, f"W-{number or len(lines)}"),
        "currency": "EUR", "number": number, "orderedOn": ordered_on,
        "lines": [{"productId": product_id, "quantity": quantity, "unitPrice": price} for product_id, quantity, price in lines],
    }}
    return (await graphql.execute(CREATE_ORDER, variables, api_key=tenant.api_key))["createPurchaseOrder"]


async def test_a_purchase_order_totals_its_lines_rounded_to_the_currency(graphql, tenant):
    bolt, nut = await product(graphql, tenant, "BOLT"), await product(graphql, tenant, "NUT")

    payload = await order(graphql, tenant, [(bolt, "3", "1.333"), (nut, "10", "0.25")])

    created = payload["purchaseOrder"]
    # 3 x 1.333 = 3.999 -> 4.00; 10 x 0.25 = 2.50; total 6.50
    assert payload["userErrors"] == []
    assert created["status"] == "ORDERED" and created["total"] == {"amount": "6.50", "currency": "EUR"}
    assert [edge["node"] | {"id": None} for edge in created["lines"]["edges"]] == [
        {"id": None, "quantity": "3", "unitPrice": {"amount": "1.333"}, "lineTotal": {"amount": "4.00"}, "product": {"sku": "BOLT"}},
        {"id": None, "quantity": "10", "unitPrice": {"amount": "0.25"}, "lineTotal": {"amount": "2.50"}, "product": {"sku": "NUT"}},
    ]


async def test_a_bad_line_names_its_index_and_no_order_is_written(graphql, tenant):
    bolt = await product(graphql, tenant, "BOLT")

    payload = await order(graphql, tenant, [(bolt, "3", "1"), (bolt, "0", "1")])
    listed = await graphql.execute(ORDERS, api_key=tenant.api_key)

    assert payload["purchaseOrder"] is None
    assert [(error["field"], error["code"]) for error in payload["userErrors"]] == [(["input", "lines", "1", "quantity"], "INVALID")]
    assert listed["purchaseOrders"]["totalCount"] == 0


async def test_goods_are_received_into_stock_but_never_beyond_what_was_ordered(graphql, tenant):
    bolt = await product(graphql, tenant, "BOLT")
    created = (await order(graphql, tenant, [(bolt, "10", "1")]))["purchaseOrder"]
    line_id = created["lines"]["edges"][0]["node"]["id"]

    partly = await graphql.execute(RECEIVE, {"input": {"purchaseOrderId": created["id"], "lines": [{"purchaseOrderLineId": line_id, "quantity": "4"}]}}, api_key=tenant.api_key)
    over = await graphql.execute(RECEIVE, {"input": {"purchaseOrderId": created["id"], "lines": [{"purchaseOrderLineId": line_id, "quantity": "7"}]}}, api_key=tenant.api_key)
    stock = await graphql.execute("query($id: ID!) { product(id: $id) { onHand } }", {"id": bolt}, api_key=tenant.api_key)

    assert partly["receiveGoods"]["goodsReceipt"]["lines"]["edges"] == [{"node": {"quantity": "4", "product": {"sku": "BOLT"}}}]
    assert partly["receiveGoods"]["purchaseOrder"] == {"status": "PARTIALLY_RECEIVED", "lines": {"edges": [{"node": {"quantityReceived": "4"}}]}}
    assert over["receiveGoods"]["goodsReceipt"] is None and over["receiveGoods"]["purchaseOrder"] is None
    assert [(error["field"], error["code"]) for error in over["receiveGoods"]["userErrors"]] == [(["input", "lines", "0", "quantity"], "OVER_RECEIPT")]
    assert stock["product"]["onHand"] == "4"


async def test_an_order_with_receipts_cannot_be_cancelled(graphql, tenant):
    bolt = await product(graphql, tenant, "BOLT")
    created = (await order(graphql, tenant, [(bolt, "2", "1")]))["purchaseOrder"]
    line_id = created["lines"]["edges"][0]["node"]["id"]
    await graphql.execute(RECEIVE, {"input": {"purchaseOrderId": created["id"], "lines": [{"purchaseOrderLineId": line_id, "quantity": "2"}]}}, api_key=tenant.api_key)

    refused = await graphql.execute(
        "mutation($input: CancelPurchaseOrderInput!) { cancelPurchaseOrder(input: $input) { purchaseOrder { status } userErrors { field code } } }",
        {"input": {"purchaseOrderId": created["id"]}}, api_key=tenant.api_key,
    )

    assert refused["cancelPurchaseOrder"] == {"purchaseOrder": None, "userErrors": [{"field": ["input", "purchaseOrderId"], "code": "ORDER_HAS_RECEIPTS"}]}


async def test_purchase_orders_filter_open_ones_and_order_by_number(graphql, tenant):
    bolt = await product(graphql, tenant, "BOLT")
    created = {number: (await order(graphql, tenant, [(bolt, "1", "1")], number=number))["purchaseOrder"] for number in ("PO-B", "PO-A", "PO-C")}
    await graphql.execute(
        "mutation($input: CancelPurchaseOrderInput!) { cancelPurchaseOrder(input: $input) { userErrors { code } } }",
        {"input": {"purchaseOrderId": created["PO-A"]["id"]}}, api_key=tenant.api_key,
    )

    open_orders = await graphql.execute(ORDERS, {"filter": {"open": True}, "orderBy": {"field": "NUMBER", "direction": "DESC"}}, api_key=tenant.api_key)
    closed = await graphql.execute(ORDERS, {"filter": {"status": "CANCELLED"}}, api_key=tenant.api_key)

    assert [edge["node"]["number"] for edge in open_orders["purchaseOrders"]["edges"]] == ["PO-C", "PO-B"]
    assert closed["purchaseOrders"]["edges"] == [{"node": {"number": "PO-A", "status": "CANCELLED"}}]


async def test_a_shipment_takes_stock_when_it_ships_and_is_refused_whole_when_a_line_lacks_stock(graphql, tenant):
    bolt, nut, north = await product(graphql, tenant, "BOLT"), await product(graphql, tenant, "NUT"), await warehouse(graphql, tenant, "NORTH")
    await adjust(graphql, tenant, bolt, north, "5")
    await adjust(graphql, tenant, nut, north, "1")
    lines = [{"productId": bolt, "quantity": "3"}, {"productId": nut, "quantity": "2"}]
    short = (await graphql.execute(CREATE_SHIPMENT, {"input": {"warehouseId": north, "lines": lines}}, api_key=tenant.api_key))["createShipment"]["shipment"]
    fine = (await graphql.execute(CREATE_SHIPMENT, {"input": {"warehouseId": north, "lines": lines[:1]}}, api_key=tenant.api_key))["createShipment"]["shipment"]

    refused = await graphql.execute(SHIP, {"input": {"shipmentId": short["id"]}}, api_key=tenant.api_key)
    shipped = await graphql.execute(SHIP, {"input": {"shipmentId": fine["id"], "carrier": "DHL", "trackingNumber": "JD0001"}}, api_key=tenant.api_key)
    stock = await graphql.execute("{ products { edges { node { sku onHand } } } }", api_key=tenant.api_key)

    assert short["status"] == "PENDING"
    assert refused["shipShipment"]["shipment"] is None
    assert [(error["field"], error["code"]) for error in refused["shipShipment"]["userErrors"]] == [
        (["input", "lines", "1", "quantity"], "INSUFFICIENT_STOCK")
    ]
    assert shipped["shipShipment"] == {"shipment": {"status": "SHIPPED", "carrier": "DHL", "trackingNumber": "JD0001"}, "userErrors": []}
    assert {edge["node"]["sku"]: edge["node"]["onHand"] for edge in stock["products"]["edges"]} == {"BOLT": "2", "NUT": "1"}
