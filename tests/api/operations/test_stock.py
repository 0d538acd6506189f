"""Stock through the graph: every change is a movement, a level never goes below zero, transfers are all or nothing."""

from __future__ import annotations

from tenants.models import Role
from tests.api.operations.helpers import CREATE_PRODUCT, adjust, product, warehouse
from tests.api.reports.keys import api_key_for, statement_count

LEVELS = """
query($id: ID!) {
  product(id: $id) { onHand stockLevels { edges { node { quantity warehouse { code } } } } }
}
"""
MOVEMENTS = """
query($filter: StockMovementFilter, $orderBy: StockMovementOrder) {
  stockMovements(filter: $filter, orderBy: $orderBy) { totalCount edges { node { kind quantityChange quantityAfter warehouse { code } } } }
}
"""
TRANSFER = """
mutation($input: TransferStockInput!) {
  transferStock(input: $input) {
    outgoing { quantityChange quantityAfter } incoming { quantityChange quantityAfter } userErrors { field message code }
  }
}
"""


async def test_each_adjustment_is_a_movement_and_the_levels_follow(graphql, tenant):
    bolt, north = await product(graphql, tenant, "BOLT-1"), await warehouse(graphql, tenant, "NORTH")

    added = await adjust(graphql, tenant, bolt, north, "10", "opening count")
    removed = await adjust(graphql, tenant, bolt, north, "-2.5", "damaged")
    levels = (await graphql.execute(LEVELS, {"id": bolt}, api_key=tenant.api_key))["product"]
    movements = await graphql.execute(MOVEMENTS, {"filter": {"productId": bolt}}, api_key=tenant.api_key)

    assert added == {"movement": {"kind": "ADJUSTMENT", "quantityChange": "10", "quantityAfter": "10", "reason": "opening count"}, "userErrors": []}
    assert removed["movement"]["quantityAfter"] == "7.5"
    assert levels == {"onHand": "7.5", "stockLevels": {"edges": [{"node": {"quantity": "7.5", "warehouse": {"code": "NORTH"}}}]}}
    assert [edge["node"]["quantityChange"] for edge in movements["stockMovements"]["edges"]] == ["10", "-2.5"]


async def test_stock_never_goes_below_zero_and_a_refused_change_records_nothing(graphql, tenant):
    bolt, north = await product(graphql, tenant, "BOLT-1"), await warehouse(graphql, tenant, "NORTH")
    await adjust(graphql, tenant, bolt, north, "3")

    refused = await adjust(graphql, tenant, bolt, north, "-4")
    levels = (await graphql.execute(LEVELS, {"id": bolt}, api_key=tenant.api_key))["product"]
    movements = await graphql.execute(MOVEMENTS, {"filter": {"productId": bolt}}, api_key=tenant.api_key)

    assert refused["movement"] is None
    assert [(error["field"], error["code"]) for error in refused["userErrors"]] == [(["input", "quantityChange"], "INSUFFICIENT_STOCK")]
    assert levels["onHand"] == "3" and movements["stockMovements"]["totalCount"] == 1


async def test_a_transfer_moves_stock_between_warehouses_or_nothing_at_all(graphql, tenant):
    bolt = await product(graphql, tenant, "BOLT-1")
    north, south = await warehouse(graphql, tenant, "NORTH"), await warehouse(graphql, tenant, "SOUTH")
    await adjust(graphql, tenant, bolt, north, "5")

    moved = await graphql.execute(
        TRANSFER, {"input": {"productId": bolt, "fromWarehouseId": north, "toWarehouseId": south, "quantity": "2"}}, api_key=tenant.api_key
    )
    too_much = await graphql.execute(
        TRANSFER, {"input": {"productId": bolt, "fromWarehouseId": north, "toWarehouseId": south, "quantity": "9"}}, api_key=tenant.api_key
    )
    transfers = await graphql.execute(
        MOVEMENTS, {"filter": {"kind": "TRANSFER"}, "orderBy": {"field": "MOVED_AT", "direction": "ASC"}}, api_key=tenant.api_key
    )
    levels = (await graphql.execute(LEVELS, {"id": bolt}, api_key=tenant.api_key))["product"]

    assert moved["transferStock"] == {
        "outgoing": {"quantityChange": "-2", "quantityAfter": "3"}, "incoming": {"quantityChange": "2", "quantityAfter": "2"}, "userErrors": []
    }
    assert too_much["transferStock"]["userErrors"][0]["field"] == ["input", "quantity"]
    assert too_much["transferStock"]["userErrors"][0]["code"] == "INSUFFICIENT_STOCK"
    assert transfers["stockMovements"]["totalCount"] == 2
    assert levels["onHand"] == "5"
    assert sorted((edge["node"]["warehouse"]["code"], edge["node"]["quantity"]) for edge in levels["stockLevels"]["edges"]) == [
        ("NORTH", "3"), ("SOUTH", "2")
    ]


async def test_a_product_with_a_taken_sku_or_negative_reorder_point_is_refused(graphql, tenant):
    await product(graphql, tenant, "BOLT-1")

    taken = await graphql.execute(CREATE_PRODUCT, {"input": {"sku": "BOLT-1", "name": "Again"}}, api_key=tenant.api_key)
    negative = await graphql.execute(CREATE_PRODUCT, {"input": {"sku": "NUT-1", "name": "Nut", "reorderPoint": "-1"}}, api_key=tenant.api_key)

    assert [(error["field"], error["code"]) for error in taken["createProduct"]["userErrors"]] == [(["input", "sku"], "DUPLICATE")]
    assert [(error["field"], error["code"]) for error in negative["createProduct"]["userErrors"]] == [(["input", "reorderPoint"], "INVALID")]


async def test_products_filter_by_search_and_activity_and_order_by_name(graphql, tenant):
    for sku, name in (("B-2", "Bolt large"), ("B-1", "Bolt small"), ("N-1", "Nut")):
        await graphql.execute(CREATE_PRODUCT, {"input": {"sku": sku, "name": name}}, api_key=tenant.api_key)
    nut = (await graphql.execute('{ products(filter: {search: "nut"}) { edges { node { id } } } }', api_key=tenant.api_key))
    await graphql.execute(
        "mutation($input: UpdateProductInput!) { updateProduct(input: $input) { userErrors { code } } }",
        {"input": {"id": nut["products"]["edges"][0]["node"]["id"], "active": False}}, api_key=tenant.api_key,
    )

    bolts = await graphql.execute(
        '{ products(filter: {search: "bolt"}, orderBy: {field: NAME, direction: DESC}) { edges { node { sku } } } }', api_key=tenant.api_key
    )
    inactive = await graphql.execute("{ products(filter: {active: false}) { totalCount edges { node { sku } } } }", api_key=tenant.api_key)

    assert [edge["node"]["sku"] for edge in bolts["products"]["edges"]] == ["B-1", "B-2"]
    assert inactive["products"] == {"totalCount": 1, "edges": [{"node": {"sku": "N-1"}}]}


async def test_a_front_office_user_reads_stock_but_cannot_change_it(graphql, tenant):
    bolt, north = await product(graphql, tenant, "BOLT-1"), await warehouse(graphql, tenant, "NORTH")
    front_office = await api_key_for(tenant, Role.FRONT_OFFICE)  # operations:read only

    read = await graphql.execute(LEVELS, {"id": bolt}, api_key=front_office)
    refused = (await graphql.post(
        "mutation($input: AdjustStockInput!) { adjustStock(input: $input) { userErrors { code } } }",
        {"input": {"productId": bolt, "warehouseId": north, "quantityChange": "5", "reason": "x"}}, api_key=front_office,
    )).json()

    assert read["product"]["onHand"] == "0"
    assert refused["data"] is None and refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_another_tenants_product_is_not_found(graphql, tenant, other_tenant):
    bolt = await product(graphql, tenant, "BOLT-1")
    theirs = await warehouse(graphql, other_tenant, "THEIRS")

    read = await graphql.execute(LEVELS, {"id": bolt}, api_key=other_tenant.api_key)
    adjusted = await adjust(graphql, other_tenant, bolt, theirs, "5")

    assert read["product"] is None
    assert adjusted["userErrors"] == [{"field": ["input", "productId"], "message": "product not found", "code": "NOT_FOUND"}]


PRODUCTS_WITH_STOCK = """
{ products(first: 20) { edges { node { sku onHand preferredSupplier { name }
    stockLevels(first: 5) { edges { node { quantity warehouse { code } product { sku } } } } } } } }
"""


async def test_a_page_of_products_loads_stock_in_the_same_number_of_statements(graphql, tenant, spans):
    north = await warehouse(graphql, tenant, "NORTH")
    await adjust(graphql, tenant, await product(graphql, tenant, "P-0"), north, "1")
    spans.clear()
    await graphql.execute(PRODUCTS_WITH_STOCK, api_key=tenant.api_key)
    one = statement_count(spans)

    for number in range(1, 6):
        await adjust(graphql, tenant, await product(graphql, tenant, f"P-{number}"), await warehouse(graphql, tenant, f"W{number}"), "1")
    spans.clear()
    await graphql.execute(PRODUCTS_WITH_STOCK, api_key=tenant.api_key)

    assert statement_count(spans) == one > 0
