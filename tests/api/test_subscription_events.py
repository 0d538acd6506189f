"""Each subscription streams the events the domain actually records: a mutation reaches a subscriber."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date
from decimal import Decimal

from strawberry import relay

from api.context import RequestContext
from api.schema import build_schema
from domain.crm import service as crm_service
from domain.finance import service as finance_service
from domain.operations import service as operations_service
from tenants.authentication import authenticate_api_key
from tenants.context import tenant_transaction
from tests.api.sales.builders import create_customer, create_deal, create_pipeline, move_deal

# On PostgreSQL an event is streamed once every older transaction on the server has ended; on a shared
# test server another session's CREATE DATABASE or migration can hold that back for seconds.
DELIVERY_SECONDS = 30


async def events_after(db, tenant, field: str, action, count: int = 1) -> list[dict]:
    """The first `count` events the subscription `field` delivers once `action` has run."""
    schema = build_schema(db)
    context = RequestContext(request=None, response=None, principal=await authenticate_api_key(token=tenant.api_key))
    stream = await schema.subscribe(f"subscription {{ {field} {{ type payload }} }}", context_value=context)
    first = asyncio.ensure_future(stream.__anext__())
    await asyncio.sleep(0.2)  # the stream has taken its place in the outbox
    await action()
    results = [await asyncio.wait_for(first, DELIVERY_SECONDS)]
    while len(results) < count:
        results.append(await asyncio.wait_for(stream.__anext__(), DELIVERY_SECONDS))
    await stream.aclose()
    assert all(not result.errors for result in results), results
    return [result.data[field] for result in results]


def row_id(global_id: str) -> str:
    return relay.GlobalID.from_id(global_id).node_id


async def test_moving_and_winning_a_deal_reach_a_deal_stage_changed_subscriber(db, graphql, tenant):
    pipeline = await create_pipeline(graphql, tenant)
    deal = await create_deal(graphql, tenant, customer=await create_customer(graphql, tenant), pipeline=pipeline)

    async def move_and_win():
        await move_deal(graphql, tenant.api_key, deal["id"], pipeline["stage_ids"]["Proposal"])
        await graphql.execute(
            "mutation($input: MarkDealWonInput!) { markDealWon(input: $input) { userErrors { code } } }", {"input": {"dealId": deal["id"]}},
            api_key=tenant.api_key,
        )

    moved, won = await events_after(db, tenant, "dealStageChanged", move_and_win, count=2)

    assert moved["type"] == "sales.deal_stage_changed"
    assert moved["payload"]["deal_id"] == row_id(deal["id"]) and moved["payload"]["to_stage_id"] == row_id(pipeline["stage_ids"]["Proposal"])
    assert won["type"] == "sales.deal_won" and won["payload"]["status"] == "won"


async def test_opening_and_changing_a_ticket_reach_a_ticket_updated_subscriber(db, graphql, tenant):
    customer = await create_customer(graphql, tenant)
    opened_ticket = {}

    async def open_and_wait():
        data = await graphql.execute(
            "mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id } } }",
            {"input": {"customerId": customer["id"], "subject": "Scanner offline", "channel": "PHONE"}}, api_key=tenant.api_key,
        )
        opened_ticket.update(data["openTicket"]["ticket"])
        await graphql.execute(
            "mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { userErrors { code } } }",
            {"input": {"ticketId": opened_ticket["id"], "status": "WAITING_ON_CUSTOMER"}}, api_key=tenant.api_key,
        )

    opened, waiting = await events_after(db, tenant, "ticketUpdated", open_and_wait, count=2)

    assert opened["type"] == "service.ticket_opened" and opened["payload"]["ticket_id"] == row_id(opened_ticket["id"])
    assert waiting["type"] == "service.ticket_updated"
    assert waiting["payload"]["status"] == "waiting_on_customer" and waiting["payload"]["sla_paused"] is True


async def test_paying_an_invoice_in_full_reaches_an_invoice_paid_subscriber(db, graphql, tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm_service.create_customer(name="Northwind")
        invoice = await finance_service.create_invoice(
            customer_id=customer.id, currency="EUR",
            lines=[finance_service.InvoiceLineInput(description="Racking", quantity=Decimal(1), unit_price=Decimal("500"))],
        )
        await finance_service.issue_invoice(invoice_id=invoice.id, issue_date=date(2026, 2, 1), due_date=date(2026, 3, 3))

    async def pay_in_two_parts():
        for amount in ("200", "300"):
            data = await graphql.execute(
                "mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { userErrors { code } } }",
                {"input": {"invoiceId": relay.to_base64("Invoice", invoice.id), "amount": amount, "currency": "EUR"}}, api_key=tenant.api_key,
            )
            assert data["recordPayment"]["userErrors"] == []

    [paid] = await events_after(db, tenant, "invoicePaid", pay_in_two_parts)

    assert paid["type"] == "finance.invoice_paid" and paid["payload"]["invoice_id"] == str(invoice.id)


async def test_stock_falling_below_the_reorder_point_reaches_a_stock_low_subscriber(db, graphql, tenant):
    async with tenant_transaction(tenant.id):
        product = await operations_service.create_product(sku=f"PAL-{uuid.uuid4().hex[:6]}", name="Euro pallet", reorder_point=Decimal(10))
        warehouse = await operations_service.create_warehouse(code="MAIN", name="Main")
        await operations_service.adjust_stock(product_id=product.id, warehouse_id=warehouse.id, quantity_change=Decimal(20), reason="count")

    async def take_fifteen():
        data = await graphql.execute(
            "mutation($input: AdjustStockInput!) { adjustStock(input: $input) { userErrors { code } } }",
            {"input": {"productId": relay.to_base64("Product", product.id), "warehouseId": relay.to_base64("Warehouse", warehouse.id),
                       "quantityChange": "-15", "reason": "damaged"}},
            api_key=tenant.api_key,
        )
        assert data["adjustStock"]["userErrors"] == []

    [low] = await events_after(db, tenant, "stockLow", take_fifteen)

    assert low["type"] == "operations.stock_low" and low["payload"]["product_id"] == str(product.id)
