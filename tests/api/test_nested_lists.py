"""Child lists a user narrows and sorts (a department's employees, a segment's customers, a campaign's
members, stock levels, a supplier's orders) take their root list's filter and orderBy."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from strawberry import relay

from domain.crm import service as crm
from domain.hr import service as hr
from domain.marketing import service as marketing
from domain.marketing.models import CampaignChannel, MemberResponse
from domain.operations import service as operations
from tenants.context import tenant_transaction


def values(connection: dict, key: str) -> list:
    return [edge["node"][key] for edge in connection["edges"]]


async def test_a_departments_employees_take_a_filter_and_an_order(graphql, tenant):
    async with tenant_transaction(tenant.id):
        department = await hr.create_department(name="Sales")
        for first, hired in (("Ada", date(2024, 1, 1)), ("Grace", date(2024, 3, 1)), ("Bob", date(2024, 2, 1))):
            await hr.hire_employee(first_name=first, last_name="Example", hired_on=hired, department_id=department.id)
    query = """
    query($id: ID!) { node(id: $id) { ... on Department {
      byHiring: employees(orderBy: {field: HIRED_ON, direction: DESC}) { edges { node { firstName } } }
      graces: employees(filter: {nameContains: "grace"}) { totalCount }
    } } }
    """

    data = await graphql.execute(query, {"id": relay.to_base64("Department", department.id)}, api_key=tenant.api_key)

    assert values(data["node"]["byHiring"], "firstName") == ["Grace", "Bob", "Ada"]
    assert data["node"]["graces"] == {"totalCount": 1}


async def test_a_segments_customers_and_a_campaigns_members_take_a_filter_and_an_order(graphql, tenant):
    async with tenant_transaction(tenant.id):
        segment = await marketing.create_segment(name="Key accounts")
        customers = [await crm.create_customer(name=name) for name in ("Northwind", "Acme", "Globex")]
        await marketing.add_customers_to_segment(segment_id=segment.id, customer_ids=[customer.id for customer in customers])
        campaign = await marketing.create_campaign(name="Spring", channel=CampaignChannel.EMAIL)
        contacts = [await crm.create_contact(customer_id=customer.id, first_name="Pat", last_name=customer.name) for customer in customers]
        for contact in contacts:
            await marketing.add_campaign_member(campaign_id=campaign.id, contact_id=contact.id)
        await marketing.record_campaign_response(campaign_id=campaign.id, contact_id=contacts[1].id, response=MemberResponse.CLICKED)
    query = """
    query($segment: ID!, $campaign: ID!) {
      segment: node(id: $segment) { ... on Segment {
        byName: customers(orderBy: {field: NAME, direction: ASC}) { edges { node { name } } }
        inOrderAdded: customers { edges { node { name } } }
        named: customers(filter: {nameContains: "o"}, orderBy: {field: NAME, direction: DESC}) { edges { node { name } } }
      } }
      campaign: node(id: $campaign) { ... on Campaign {
        clicked: members(filter: {response: CLICKED}) { edges { node { contact { lastName } } } }
        silent: members(filter: {responded: false}, orderBy: {field: ADDED_AT, direction: DESC}) { totalCount }
        legacy: members(response: CLICKED) { totalCount }
      } }
    }
    """
    ids = {"segment": relay.to_base64("Segment", segment.id), "campaign": relay.to_base64("Campaign", campaign.id)}

    data = await graphql.execute(query, ids, api_key=tenant.api_key)

    assert values(data["segment"]["byName"], "name") == ["Acme", "Globex", "Northwind"]
    assert values(data["segment"]["inOrderAdded"], "name") == ["Northwind", "Acme", "Globex"]
    assert values(data["segment"]["named"], "name") == ["Northwind", "Globex"]
    assert [edge["node"]["contact"]["lastName"] for edge in data["campaign"]["clicked"]["edges"]] == ["Acme"]
    assert data["campaign"]["silent"] == {"totalCount": 2} and data["campaign"]["legacy"] == {"totalCount": 1}


async def test_stock_levels_and_a_suppliers_orders_take_a_filter_and_an_order(graphql, tenant):
    async with tenant_transaction(tenant.id):
        supplier = await operations.create_supplier(name="Bolts Inc")
        north, south = await operations.create_warehouse(code="NORTH", name="North"), await operations.create_warehouse(code="SOUTH", name="South")
        bolt = await operations.create_product(sku="BOLT", name="Bolt")
        await operations.adjust_stock(product_id=bolt.id, warehouse_id=north.id, quantity_change=Decimal(3), reason="count")
        await operations.adjust_stock(product_id=bolt.id, warehouse_id=south.id, quantity_change=Decimal(9), reason="count")
        await operations.adjust_stock(product_id=bolt.id, warehouse_id=south.id, quantity_change=Decimal(-9), reason="count")
        await operations.adjust_stock(product_id=bolt.id, warehouse_id=north.id, quantity_change=Decimal(4), reason="count")
        for number in ("PO-1", "PO-2"):
            order = await operations.create_purchase_order(
                supplier_id=supplier.id, warehouse_id=north.id, currency="EUR", number=number,
                lines=[operations.PurchaseOrderLineInput(product_id=bolt.id, quantity=Decimal(1), unit_price=Decimal(1))],
            )
        await operations.cancel_purchase_order(purchase_order_id=order.id)
    query = """
    query($product: ID!, $supplier: ID!) {
      product: node(id: $product) { ... on Product {
        stocked: stockLevels(filter: {inStock: true}) { edges { node { quantity } } }
        byQuantity: stockLevels(orderBy: {field: QUANTITY, direction: DESC}) { edges { node { quantity } } }
      } }
      supplier: node(id: $supplier) { ... on Supplier {
        open: purchaseOrders(filter: {open: true}) { edges { node { number } } }
        byNumber: purchaseOrders(orderBy: {field: NUMBER, direction: DESC}) { edges { node { number } } }
      } }
    }
    """
    ids = {"product": relay.to_base64("Product", bolt.id), "supplier": relay.to_base64("Supplier", supplier.id)}

    data = await graphql.execute(query, ids, api_key=tenant.api_key)

    assert values(data["product"]["stocked"], "quantity") == ["7"]
    assert values(data["product"]["byQuantity"], "quantity") == ["7", "0"]
    assert values(data["supplier"]["open"], "number") == ["PO-1"]
    assert values(data["supplier"]["byNumber"], "number") == ["PO-2", "PO-1"]
