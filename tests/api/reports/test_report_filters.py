"""Reports narrowed by a filter and sorted by an orderBy; a value outside a closed set is a typed error."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from strawberry import relay

from domain.crm import service as crm
from domain.legal import service as legal
from domain.legal.models import PartyKind
from domain.operations import service as operations
from tenants.context import tenant_transaction
from tests.api.reports.test_read_models import _invoice

AR_AGEING = """
query($filter: AgeingFilter, $orderBy: AgeingOrder) { reports { arAgeing(asOf: "2024-05-01", filter: $filter, orderBy: $orderBy) {
  edges { node { customer { name } currency total { amount } } }
} } }
"""
BELOW_REORDER = """
query($filter: ReorderFilter, $orderBy: ReorderOrder) { reports { productsBelowReorderPoint(filter: $filter, orderBy: $orderBy) {
  edges { node { product { sku } } }
} } }
"""
EXPIRING = """
query($filter: ExpiringContractFilter, $orderBy: ExpiringContractOrder) { reports {
  contractsExpiring(withinDays: 60, asOf: "2025-01-01", filter: $filter, orderBy: $orderBy) { edges { node { number } } }
} }
"""


def ageing_rows(data: dict) -> list[tuple[str, str, str]]:
    return [(edge["node"]["customer"]["name"], edge["node"]["currency"], edge["node"]["total"]["amount"]) for edge in data["reports"]["arAgeing"]["edges"]]


async def test_ar_ageing_narrows_by_customer_bucket_and_currency_and_sorts(graphql, tenant):
    async with tenant_transaction(tenant.id):
        northwind, globex = await crm.create_customer(name="Northwind"), await crm.create_customer(name="Globex")
        await _invoice(northwind.id, "300", due=date(2024, 1, 15))  # over 90 days past due on 2024-05-01
        await _invoice(globex.id, "80", due=date(2024, 3, 1))  # 61 days past due
        await _invoice(globex.id, "40", due=date(2024, 3, 20), currency="USD")
    ask = lambda **variables: graphql.execute(AR_AGEING, variables, api_key=tenant.api_key)  # noqa: E731

    by_name = await ask(orderBy={"field": "CUSTOMER_NAME", "direction": "ASC"})
    by_total = await ask(orderBy={"field": "TOTAL"})
    over_90 = await ask(filter={"bucket": "DAYS_OVER_90"})
    usd = await ask(filter={"currency": "usd"})
    globex_only = await ask(filter={"customerIds": [relay.to_base64("Customer", globex.id)]}, orderBy={"field": "CURRENCY", "direction": "ASC"})

    assert ageing_rows(by_name) == [("Globex", "EUR", "80.00"), ("Globex", "USD", "40.00"), ("Northwind", "EUR", "300.00")]
    assert ageing_rows(by_total) == [("Northwind", "EUR", "300.00"), ("Globex", "EUR", "80.00"), ("Globex", "USD", "40.00")]
    assert ageing_rows(over_90) == [("Northwind", "EUR", "300.00")]
    assert ageing_rows(usd) == [("Globex", "USD", "40.00")]
    assert ageing_rows(globex_only) == [("Globex", "EUR", "80.00"), ("Globex", "USD", "40.00")]


async def test_ar_ageing_refuses_an_unknown_currency_or_bucket_naming_it(graphql, tenant):
    currency = (await graphql.post(AR_AGEING, {"filter": {"currency": "XXY"}}, api_key=tenant.api_key)).json()
    bucket = (await graphql.post(AR_AGEING, {"filter": {"bucket": "DAYS_OVER_9000"}}, api_key=tenant.api_key)).json()

    assert currency["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": ["filter", "currency"], "reason": "UNKNOWN_CURRENCY"}
    assert currency["errors"][0]["message"].startswith("filter.currency: 'XXY'")
    assert bucket["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT" and "AgeingBucket" in bucket["errors"][0]["message"]


async def test_products_below_reorder_point_narrow_by_warehouse_and_supplier_and_sort_by_shortfall(graphql, tenant):
    async with tenant_transaction(tenant.id):
        supplier = await operations.create_supplier(name="Bolts Inc")
        north, south = await operations.create_warehouse(code="NORTH", name="North"), await operations.create_warehouse(code="SOUTH", name="South")
        bolt = await operations.create_product(sku="BOLT", name="Bolt", reorder_point=Decimal(10), preferred_supplier_id=supplier.id)
        nut = await operations.create_product(sku="NUT", name="Nut", reorder_point=Decimal(20))
        await operations.create_product(sku="WASHER", name="Washer", reorder_point=Decimal(5))
        await operations.adjust_stock(product_id=bolt.id, warehouse_id=south.id, quantity_change=Decimal(8), reason="count")  # 2 short
        await operations.adjust_stock(product_id=nut.id, warehouse_id=north.id, quantity_change=Decimal(1), reason="count")  # 19 short
    ask = lambda **variables: graphql.execute(BELOW_REORDER, variables, api_key=tenant.api_key)  # noqa: E731
    skus = lambda data: [edge["node"]["product"]["sku"] for edge in data["reports"]["productsBelowReorderPoint"]["edges"]]  # noqa: E731

    in_south = await ask(filter={"warehouseId": relay.to_base64("Warehouse", south.id)})
    from_bolts_inc = await ask(filter={"supplierId": relay.to_base64("Supplier", supplier.id)})
    worst_first = await ask(orderBy={"field": "SHORTFALL", "direction": "DESC"})
    foreign_id = (await graphql.post(BELOW_REORDER, {"filter": {"warehouseId": relay.to_base64("Supplier", supplier.id)}}, api_key=tenant.api_key)).json()

    assert skus(in_south) == ["BOLT"]
    assert skus(from_bolts_inc) == ["BOLT"]
    assert skus(worst_first) == ["NUT", "WASHER", "BOLT"]
    assert foreign_id["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_contracts_expiring_narrow_by_status_and_whether_they_end_and_sort(graphql, tenant):
    async with tenant_transaction(tenant.id):
        party = [legal.PartyInput(kind=PartyKind.OTHER, name="Counterparty")]
        sign = lambda number, start, **terms: legal.create_contract(  # noqa: E731
            title=f"Contract {number}", value=Decimal("1200"), currency="EUR", start_date=start, parties=party, number=number, **terms
        )
        await sign("C-A", date(2024, 2, 1), term_months=12, notice_period_days=30, auto_renew=False)  # ends 2025-02-01
        await sign("C-B", date(2023, 1, 20), term_months=12)  # renews 2025-01-20
        noticed = await sign("C-E", date(2024, 2, 10), term_months=12, notice_period_days=30)  # 2025-02-10, notice given
        await legal.give_notice(contract_id=noticed.id, on=date(2024, 12, 1))
    ask = lambda **variables: graphql.execute(EXPIRING, variables, api_key=tenant.api_key)  # noqa: E731
    numbers = lambda data: [edge["node"]["number"] for edge in data["reports"]["contractsExpiring"]["edges"]]  # noqa: E731

    everything = await ask()
    noticed_only = await ask(filter={"status": "NOTICE_GIVEN"})
    ending = await ask(filter={"willEnd": True}, orderBy={"field": "NUMBER", "direction": "DESC"})
    terminated = await ask(filter={"status": "TERMINATED"})

    assert numbers(everything) == ["C-B", "C-A", "C-E"]
    assert numbers(noticed_only) == ["C-E"]
    assert numbers(ending) == ["C-E", "C-A"]
    assert numbers(terminated) == []
