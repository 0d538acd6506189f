"""Sales batch reads: the rows of many pipelines, deals, quotes or orders in one query, each group in order,
and nothing of another tenant's."""

from __future__ import annotations

from decimal import Decimal

from domain.crm import service as crm
from domain.sales import service as sales
from tenants.context import tenant_transaction

LINES = [sales.SalesLineInput("First", Decimal(1), Decimal(10)), sales.SalesLineInput("Second", Decimal(2), Decimal(5))]


async def some_sales(name: str):
    customer = await crm.create_customer(name=name)
    pipeline = await sales.create_pipeline(name=f"{name} pipeline", stages=[sales.StageInput("Qualify", 10), sales.StageInput("Propose", 50)])
    stages = await sales.pipeline_stages(pipeline_id=pipeline.id)
    deal = await sales.create_deal(customer_id=customer.id, pipeline_id=pipeline.id, name="Deal", amount=Decimal(1), currency="EUR", created_by="u")
    await sales.move_deal_to_stage(deal_id=deal.id, stage_id=stages[1].id, changed_by="u")
    quote = await sales.create_quote(customer_id=customer.id, currency="EUR", lines=LINES)
    order = await sales.create_sales_order(customer_id=customer.id, currency="EUR", lines=LINES)
    return pipeline, stages, deal, quote, order


async def test_batch_reads_return_each_parents_rows_in_order_and_only_the_tenants(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        foreign = await some_sales("Foreign")
    async with tenant_transaction(tenant.id):
        first = await some_sales("Northwind")
        second = await some_sales("Globex")
        parents = [first, second, foreign]
        stages = await sales.list_pipeline_stages(pipeline_ids=[p[0].id for p in parents])
        by_id = await sales.list_pipeline_stages(stage_ids=[first[1][1].id, foreign[1][0].id])
        changes = await sales.list_deal_stage_changes(deal_ids=[p[2].id for p in parents])
        quote_lines = await sales.list_quote_lines(quote_ids=[p[3].id for p in parents])
        order_lines = await sales.list_sales_order_lines(sales_order_ids=[p[4].id for p in parents])

    assert [(s.pipeline_id, s.name) for s in stages if s.pipeline_id == first[0].id] == [(first[0].id, "Qualify"), (first[0].id, "Propose")]
    assert {s.pipeline_id for s in stages} == {first[0].id, second[0].id}
    assert [s.id for s in by_id] == [first[1][1].id]
    assert [(c.from_stage_id, c.to_stage_id) for c in changes if c.deal_id == first[2].id] == [(None, first[1][0].id), (first[1][0].id, first[1][1].id)]
    assert {c.deal_id for c in changes} == {first[2].id, second[2].id}
    assert [line.description for line in quote_lines if line.quote_id == second[3].id] == ["First", "Second"]
    assert len(quote_lines) == 4 and len(order_lines) == 4
