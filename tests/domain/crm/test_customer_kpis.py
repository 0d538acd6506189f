"""CRM: customer KPIs for the 360-degree view, batched for many customers in a fixed number of queries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.crm import service as crm
from domain.crm.kpis import CustomerKpis, customer_kpis
from domain.crm.models import Channel
from domain.finance import service as finance
from domain.money import Money
from domain.sales import service as sales
from domain.service import service as support
from tenants.context import tenant_transaction


async def test_customer_kpis_are_computed_for_a_batch_of_customers(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        foreign = await crm.create_customer(name="Foreign")
    async with tenant_transaction(tenant.id):
        northwind = await crm.create_customer(name="Northwind")
        quiet = await crm.create_customer(name="Quiet")
        pipeline = await sales.create_pipeline(name="New", stages=[sales.StageInput("Qualify")])
        await sales.create_deal(customer_id=northwind.id, pipeline_id=pipeline.id, name="Fleet", amount=Decimal("5000"), currency="EUR", created_by="u")
        won = await sales.create_deal(customer_id=northwind.id, pipeline_id=pipeline.id, name="Old", amount=Decimal("1"), currency="EUR", created_by="u")
        await sales.mark_deal_won(deal_id=won.id, changed_by="u")
        invoice = await finance.create_invoice(
            customer_id=northwind.id, currency="EUR",
            lines=[finance.InvoiceLineInput(description="Work", quantity=Decimal("1"), unit_price=Decimal("1000"), tax_rate=Decimal("0.2"))],
        )
        await finance.issue_invoice(invoice_id=invoice.id, issue_date=date(2024, 1, 1), due_date=date(2024, 1, 31))
        await finance.record_payment(invoice_id=invoice.id, amount=Decimal("200"), currency="EUR")
        await support.open_ticket(customer_id=northwind.id, subject="Help", channel=Channel.EMAIL, opened_by="u")

        kpis = await customer_kpis(customer_ids=[northwind.id, quiet.id, foreign.id], as_of=date(2024, 3, 1))
    assert kpis[northwind.id] == CustomerKpis(
        customer_id=northwind.id,
        open_pipeline_value=(Money(Decimal("5000"), "EUR"),),
        outstanding_balance=(Money(Decimal("1000"), "EUR"),),
        overdue_invoice_count=1,
        open_ticket_count=1,
        lifetime_revenue=(Money(Decimal("1000"), "EUR"),),
    )
    empty = CustomerKpis(customer_id=quiet.id, open_pipeline_value=(), outstanding_balance=(), overdue_invoice_count=0, open_ticket_count=0, lifetime_revenue=())
    assert kpis[quiet.id] == empty
    assert kpis[foreign.id].open_pipeline_value == () and kpis[foreign.id].open_ticket_count == 0


async def test_customer_kpis_take_the_same_number_of_queries_for_one_or_many_customers(tenant, monkeypatch):
    async with tenant_transaction(tenant.id) as connection:
        customers = [await crm.create_customer(name=f"Customer {n}") for n in range(12)]
        selects: list[str] = []
        client = type(connection)
        for name in ("execute_query", "execute_query_dict"):
            original = getattr(client, name)

            async def counting(self, query, values=None, _original=original):
                selects.append(query)
                return await _original(self, query, values)

            monkeypatch.setattr(client, name, counting)
        await customer_kpis(customer_ids=[customers[0].id])
        one = len(selects)
        selects.clear()
        await customer_kpis(customer_ids=[customer.id for customer in customers])
        many = len(selects)
    assert one == many == 5
