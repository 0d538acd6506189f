"""The customer 360° view: one page of customers with every nested list and KPI, in a number of SQL
statements that does not grow with the page size (every nested list goes through a DataLoader)."""

from __future__ import annotations

import asyncio

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from opentelemetry.trace import SpanKind

from domain.crm import service as crm_service
from domain.crm.models import Channel, Direction
from domain.finance import service as finance_service
from domain.legal import service as legal_service
from domain.legal.models import PartyKind
from domain.marketing import service as marketing_service
from domain.marketing.models import CampaignChannel
from domain.sales import service as sales_service
from domain.service import service as support_service
from tenants.context import tenant_transaction
from tests.api.crm.keys import api_key_with

CUSTOMER_360 = """
query Customer360($first: Int!) {
  customers(first: $first, orderBy: {field: NAME}) {
    totalCount
    edges { node {
      id name
      contacts(first: 3) { totalCount edges { node { id firstName lastName email } } }
      interactions(first: 3) { totalCount edges { node { id channel subject occurredAt } } }
      deals(first: 3) { totalCount edges { node { id name status amount { amount currency } stage { name } } } }
      orders(first: 3) { totalCount edges { node { id number total { amount currency } lines(first: 3) { edges { node { description quantity } } } } } }
      invoices(first: 3) { totalCount edges { node { id number status total { amount currency } amountDue { amount } dueDate } } }
      payments(first: 3) { totalCount edges { node { id amount { amount currency } paidOn } } }
      tickets(first: 3) { totalCount edges { node { id number status priority slaDueAt } } }
      contracts(first: 3) { totalCount edges { node { id number title value { amount currency } renewalDate } } }
      campaigns(first: 3) { totalCount edges { node { id name status } } }
      openPipelineValue { amount currency }
      outstandingBalance { amount currency }
      overdueInvoiceCount
      openTicketCount
      lifetimeRevenue { amount currency }
    } }
  }
}
"""

# The same page with every nested list narrowed and ordered, and contacts asked for twice (each filter and
# order combination is a loader of its own): it must still cost the same for 5 customers as for 50.
CUSTOMER_360_NARROWED = """
query Customer360Narrowed($first: Int!) {
  customers(first: $first, orderBy: {field: NAME}) {
    edges { node {
      name
      contacts(first: 3, orderBy: {field: FIRST_NAME, direction: DESC}) { totalCount edges { node { firstName } } }
      payers: contacts(first: 3, filter: {nameContains: "Payer"}) { totalCount edges { node { firstName } } }
      interactions(first: 3, filter: {channel: PHONE}, orderBy: {field: OCCURRED_AT, direction: ASC}) { totalCount }
      deals(first: 3, filter: {status: OPEN}, orderBy: {field: AMOUNT, direction: DESC}) { totalCount edges { node { name } } }
      orders(first: 3, filter: {status: OPEN}, orderBy: {field: NUMBER}) { totalCount }
      invoices(first: 3, filter: {status: ISSUED, currency: "EUR"}, orderBy: {field: DUE_DATE}) { totalCount edges { node { status } } }
      payments(first: 3, filter: {paidAfter: "2026-01-01"}, orderBy: {field: AMOUNT, direction: DESC}) { totalCount }
      tickets(first: 3, filter: {openOnly: true}, orderBy: {field: OPENED_AT, direction: DESC}) { totalCount }
      contracts(first: 3, filter: {titleContains: "Supply"}, orderBy: {field: TITLE}) { totalCount edges { node { title } } }
      campaigns(first: 3, filter: {status: DRAFT}, orderBy: {field: NAME}) { totalCount edges { node { name } } }
    } }
  }
}
"""


async def load_customers(tenant_id: uuid.UUID, count: int, *, start: int) -> None:
    """`count` customers, each with a few rows in every area the 360° view shows."""
    async with tenant_transaction(tenant_id):
        pipeline = (await sales_service.list_pipelines())[0] if start else await sales_service.create_pipeline(
            name="New business", stages=[sales_service.StageInput("Qualify", 10), sales_service.StageInput("Proposal", 50)]
        )
        stages = await sales_service.list_pipeline_stages(pipeline_ids=[pipeline.id])
        campaign = (await marketing_service.list_campaigns())[0] if start else await marketing_service.create_campaign(
            name="Spring promo", channel=CampaignChannel.EMAIL
        )
        for number in range(start, start + count):
            customer = await crm_service.create_customer(name=f"Customer {number:03d}", email=f"ap{number}@example.com")
            contact = await crm_service.create_contact(customer_id=customer.id, first_name="Ann", last_name=f"Buyer {number}")
            await crm_service.create_contact(customer_id=customer.id, first_name="Bob", last_name=f"Payer {number}")
            await crm_service.log_interaction(
                customer_id=customer.id, contact_id=contact.id, channel=Channel.PHONE, direction=Direction.INBOUND,
                subject="Asked for a quote", occurred_at=datetime(2026, 1, 5, 10, tzinfo=UTC),
            )
            deal = await sales_service.create_deal(
                customer_id=customer.id, pipeline_id=pipeline.id, name=f"Deal {number}", amount=Decimal("1000"), currency="EUR", created_by="loader"
            )
            await sales_service.move_deal_to_stage(deal_id=deal.id, stage_id=stages[1].id, changed_by="loader")
            line = sales_service.SalesLineInput(description="Pallets", quantity=Decimal(4), unit_price=Decimal("25"))
            await sales_service.create_sales_order(customer_id=customer.id, deal_id=deal.id, currency="EUR", lines=[line])
            invoice = await finance_service.create_invoice(
                customer_id=customer.id, currency="EUR",
                lines=[finance_service.InvoiceLineInput(description="Pallets", quantity=Decimal(1), unit_price=Decimal("100"), tax_rate=Decimal("0.2"))],
            )
            await finance_service.issue_invoice(invoice_id=invoice.id, issue_date=date(2026, 1, 1), due_date=date(2026, 1, 31))
            await finance_service.record_payment(invoice_id=invoice.id, amount=Decimal("20"), currency="EUR", paid_on=date(2026, 1, 20))
            await support_service.open_ticket(customer_id=customer.id, subject="Pallet damaged", channel=Channel.EMAIL, opened_by="loader")
            await marketing_service.add_campaign_member(campaign_id=campaign.id, contact_id=contact.id)
            await legal_service.create_contract(
                title=f"Supply agreement {number}", value=Decimal("12000"), currency="EUR", start_date=date(2026, 1, 1), term_months=12,
                parties=[legal_service.PartyInput(kind=PartyKind.CUSTOMER, customer_id=customer.id, role="buyer")],
            )


def statements(spans) -> int:
    """SQL statements run since the exporter was last cleared: one CLIENT span with a db.system each."""
    return sum(
        1 for span in spans.get_finished_spans()
        if span.kind is SpanKind.CLIENT and ("db.system" in (span.attributes or {}) or "db.system.name" in (span.attributes or {}))
    )


async def customer_360_page(graphql, tenant, spans, first: int, query: str = CUSTOMER_360) -> tuple[dict, int]:
    spans.clear()
    data = await graphql.execute(query, {"first": first}, api_key=tenant.api_key)
    return data, statements(spans)


async def test_a_page_of_customers_with_everything_costs_the_same_statements_for_5_and_for_50(graphql, tenant, spans, test_database, capsys):
    await load_customers(tenant.id, 5, start=0)
    # The first use of a key reads it (and stamps its last use in the background); every page below
    # then counts only what the page itself costs.
    await graphql.execute("{ viewer { subject } }", api_key=tenant.api_key)
    await asyncio.sleep(0.2)
    five, five_statements = await customer_360_page(graphql, tenant, spans, 5)
    _, five_narrowed_statements = await customer_360_page(graphql, tenant, spans, 5, CUSTOMER_360_NARROWED)
    await load_customers(tenant.id, 45, start=5)
    fifty, fifty_statements = await customer_360_page(graphql, tenant, spans, 50)
    narrowed, fifty_narrowed_statements = await customer_360_page(graphql, tenant, spans, 50, CUSTOMER_360_NARROWED)

    backend = "postgres" if test_database.is_postgres else "sqlite"
    with capsys.disabled():
        print(f"\ncustomer 360 [{backend}]: 5 customers -> {five_statements} SQL statements, 50 customers -> {fifty_statements} SQL statements")
        print(
            f"customer 360 narrowed and ordered [{backend}]: 5 customers -> {five_narrowed_statements} SQL statements,"
            f" 50 customers -> {fifty_narrowed_statements} SQL statements"
        )
        print(CUSTOMER_360)
    assert len(five["customers"]["edges"]) == 5 and len(fifty["customers"]["edges"]) == 50
    assert five_statements == fifty_statements
    assert five_narrowed_statements == fifty_narrowed_statements
    customer = fifty["customers"]["edges"][49]["node"]
    assert customer["name"] == "Customer 049"
    lists = ("contacts", "interactions", "deals", "orders", "invoices", "payments", "tickets", "contracts", "campaigns")
    assert [customer[name]["totalCount"] for name in lists] == [2, 1, 1, 1, 1, 1, 1, 1, 1]
    assert customer["contracts"]["edges"][0]["node"]["title"] == "Supply agreement 49"
    assert customer["invoices"]["edges"][0]["node"]["amountDue"] == {"amount": "100.00"}
    assert customer["payments"]["edges"][0]["node"]["amount"] == {"amount": "20.00", "currency": "EUR"}
    assert customer["deals"]["edges"][0]["node"]["stage"] == {"name": "Proposal"}
    assert customer["orders"]["edges"][0]["node"]["lines"]["edges"] == [{"node": {"description": "Pallets", "quantity": "4"}}]
    assert customer["openPipelineValue"] == [{"amount": "1000.00", "currency": "EUR"}]
    assert customer["outstandingBalance"] == [{"amount": "100.00", "currency": "EUR"}]
    assert customer["lifetimeRevenue"] == [{"amount": "100.00", "currency": "EUR"}]
    assert customer["overdueInvoiceCount"] == 1 and customer["openTicketCount"] == 1
    narrowed_customer = narrowed["customers"]["edges"][49]["node"]
    assert narrowed_customer["name"] == "Customer 049"
    assert [edge["node"]["firstName"] for edge in narrowed_customer["contacts"]["edges"]] == ["Bob", "Ann"]
    assert narrowed_customer["payers"] == {"totalCount": 1, "edges": [{"node": {"firstName": "Bob"}}]}
    narrowed_lists = ("interactions", "deals", "orders", "invoices", "payments", "tickets", "contracts", "campaigns")
    assert [narrowed_customer[name]["totalCount"] for name in narrowed_lists] == [1, 1, 1, 1, 1, 1, 1, 1]
    assert narrowed_customer["contracts"]["edges"] == [{"node": {"title": "Supply agreement 49"}}]


async def test_a_front_office_user_without_an_areas_scope_gets_forbidden_on_that_list_alone(graphql, tenant):
    await load_customers(tenant.id, 1, start=0)
    no_finance = await api_key_with(graphql, tenant, "crm:read", "sales:read", "marketing:read")
    query = """
    { customers(first: 1) { edges { node {
        name deals { totalCount } tickets { totalCount } contracts { totalCount } invoices { edges { node { number } } } payments { edges { node { amount { amount } } } }
        openPipelineValue { amount } outstandingBalance { amount } lifetimeRevenue { amount } openTicketCount overdueInvoiceCount
    } } } }
    """

    response = (await graphql.post(query, api_key=no_finance)).json()
    full = await graphql.execute(query, api_key=tenant.api_key)

    node = response["data"]["customers"]["edges"][0]["node"]
    assert node == {
        "name": "Customer 000", "deals": {"totalCount": 1}, "tickets": None, "contracts": None, "invoices": None, "payments": None,
        "openPipelineValue": [{"amount": "1000.00"}],
        "outstandingBalance": None, "lifetimeRevenue": None, "openTicketCount": None, "overdueInvoiceCount": None,
    }
    assert sorted((error["path"][-1], error["extensions"]["code"]) for error in response["errors"]) == [
        ("contracts", "FORBIDDEN"), ("invoices", "FORBIDDEN"), ("lifetimeRevenue", "FORBIDDEN"), ("openTicketCount", "FORBIDDEN"),
        ("outstandingBalance", "FORBIDDEN"), ("overdueInvoiceCount", "FORBIDDEN"), ("payments", "FORBIDDEN"), ("tickets", "FORBIDDEN"),
    ]
    invoice_number = full["customers"]["edges"][0]["node"]["invoices"]["edges"][0]["node"]["number"]
    assert invoice_number not in str(response) and "20.00" not in str(response) and "Pallet damaged" not in str(response)
    assert "Supply agreement" not in str(response) and "100.00" not in str(response)


# What each of the 360° view's fields from another area needs; the crm fields need nothing more than crm:read.
CROSS_AREA_360_FIELDS = {
    "deals": "sales:read", "orders": "sales:read", "openPipelineValue": "sales:read",
    "invoices": "finance:read", "payments": "finance:read",
    "outstandingBalance": "finance:read", "lifetimeRevenue": "finance:read", "overdueInvoiceCount": "finance:read",
    "tickets": "service:read", "openTicketCount": "service:read",
    "contracts": "legal:read", "campaigns": "marketing:read",
}


async def test_a_crm_only_key_reads_the_customer_360_page_with_every_other_areas_field_forbidden_and_naming_its_scope(graphql, tenant):
    await load_customers(tenant.id, 2, start=0)
    crm_only = await api_key_with(graphql, tenant, "crm:read")

    response = (await graphql.post(CUSTOMER_360, {"first": 2}, api_key=crm_only)).json()

    page = response["data"]["customers"]
    assert page["totalCount"] == 2
    node = page["edges"][1]["node"]
    assert node["name"] == "Customer 001"
    assert node["contacts"]["totalCount"] == 2 and {edge["node"]["firstName"] for edge in node["contacts"]["edges"]} == {"Ann", "Bob"}
    assert node["interactions"]["edges"][0]["node"]["subject"] == "Asked for a quote"
    assert {name: node[name] for name in CROSS_AREA_360_FIELDS} == dict.fromkeys(CROSS_AREA_360_FIELDS)
    refused = {(tuple(error["path"][1:]), error["extensions"]["code"], error["message"]) for error in response["errors"]}
    assert refused == {
        (("edges", index, "node", name), "FORBIDDEN", f"requires scope {scope}")
        for index in (0, 1) for name, scope in CROSS_AREA_360_FIELDS.items()
    }


async def test_a_key_with_crm_and_finance_read_sees_the_customers_money_but_not_its_deals_or_tickets(graphql, tenant):
    await load_customers(tenant.id, 1, start=0)
    crm_and_finance = await api_key_with(graphql, tenant, "crm:read", "finance:read")

    response = (await graphql.post(CUSTOMER_360, {"first": 1}, api_key=crm_and_finance)).json()

    node = response["data"]["customers"]["edges"][0]["node"]
    assert node["outstandingBalance"] == [{"amount": "100.00", "currency": "EUR"}]
    assert node["lifetimeRevenue"] == [{"amount": "100.00", "currency": "EUR"}]
    assert node["overdueInvoiceCount"] == 1
    assert node["invoices"]["totalCount"] == 1 and node["payments"]["edges"][0]["node"]["amount"] == {"amount": "20.00", "currency": "EUR"}
    assert node["openPipelineValue"] is None and node["openTicketCount"] is None and node["deals"] is None and node["tickets"] is None
    assert sorted(error["path"][-1] for error in response["errors"]) == ["campaigns", "contracts", "deals", "openPipelineValue", "openTicketCount", "orders", "tickets"]
