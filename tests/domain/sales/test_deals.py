"""Sales: deals move only through their own pipeline's stages, with who and when, until won or lost."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from domain.crm import service as crm
from domain.errors import DomainError
from domain.money import Money
from domain.outbox.models import OutboxEvent
from domain.sales import service as sales
from domain.sales.errors import SalesErrorCode
from domain.sales.models import DealStatus, LeadStatus
from tenants.context import tenant_transaction
from tenants.ownership import scoped

STAGES = [sales.StageInput("Qualify", 10), sales.StageInput("Propose", 50), sales.StageInput("Negotiate", 80)]


async def setup_pipeline(name: str = "New business"):
    customer = await crm.create_customer(name="Northwind")
    pipeline = await sales.create_pipeline(name=name, stages=STAGES)
    stages = await sales.pipeline_stages(pipeline_id=pipeline.id)
    return customer, pipeline, stages


async def test_a_deal_moves_through_its_stages_recording_who_and_when(tenant):
    async with tenant_transaction(tenant.id):
        customer, pipeline, (qualify, propose, negotiate) = await setup_pipeline()
        deal = await sales.create_deal(
            customer_id=customer.id, pipeline_id=pipeline.id, name="Fleet", amount=Decimal("12000"), currency="EUR",
            created_by="user:ann", at=datetime(2024, 1, 1, tzinfo=UTC),
        )
        await sales.move_deal_to_stage(deal_id=deal.id, stage_id=negotiate.id, changed_by="user:bob", at=datetime(2024, 1, 5, tzinfo=UTC))
        await sales.move_deal_to_stage(deal_id=deal.id, stage_id=propose.id, changed_by="user:ann", at=datetime(2024, 1, 9, tzinfo=UTC))
        history = await sales.deal_stage_history(deal_id=deal.id)
        event = await scoped(OutboxEvent).filter(event_type="sales.deal_stage_changed").order_by("created_at").first()
    assert deal.stage_id == qualify.id
    assert [(c.from_stage_id, c.to_stage_id, c.changed_by, c.changed_at.day) for c in history] == [
        (None, qualify.id, "user:ann", 1),
        (qualify.id, negotiate.id, "user:bob", 5),
        (negotiate.id, propose.id, "user:ann", 9),
    ]
    assert event.payload["from_stage_id"] == str(qualify.id) and event.payload["to_stage_id"] == str(negotiate.id)


async def test_deal_cannot_skip_to_a_stage_of_another_pipeline(tenant):
    async with tenant_transaction(tenant.id):
        customer, pipeline, _ = await setup_pipeline()
        _, renewals, (renewal_stage, *_) = await setup_pipeline("Renewals")
        deal = await sales.create_deal(customer_id=customer.id, pipeline_id=pipeline.id, name="Fleet", amount=Decimal("1"), currency="EUR", created_by="user:ann")
        with pytest.raises(DomainError) as moved:
            await sales.move_deal_to_stage(deal_id=deal.id, stage_id=renewal_stage.id, changed_by="user:ann")
        with pytest.raises(DomainError) as created:
            await sales.create_deal(
                customer_id=customer.id, pipeline_id=pipeline.id, stage_id=renewal_stage.id, name="X", amount=Decimal("1"), currency="EUR", created_by="user:ann"
            )
        history = await sales.deal_stage_history(deal_id=deal.id)
    assert (moved.value.code, moved.value.field) == (SalesErrorCode.STAGE_OF_ANOTHER_PIPELINE, "stage_id")
    assert created.value.code is SalesErrorCode.STAGE_OF_ANOTHER_PIPELINE
    assert len(history) == 1


async def test_a_won_deal_is_closed_and_cannot_move_again(tenant):
    async with tenant_transaction(tenant.id):
        customer, pipeline, (_, propose, _) = await setup_pipeline()
        deal = await sales.create_deal(customer_id=customer.id, pipeline_id=pipeline.id, name="Fleet", amount=Decimal("500"), currency="USD", created_by="user:ann")
        won = await sales.mark_deal_won(deal_id=deal.id, changed_by="user:bob")
        with pytest.raises(DomainError) as move:
            await sales.move_deal_to_stage(deal_id=deal.id, stage_id=propose.id, changed_by="user:bob")
        with pytest.raises(DomainError) as lose:
            await sales.mark_deal_lost(deal_id=deal.id, reason="price", changed_by="user:bob")
        [event] = await scoped(OutboxEvent).filter(event_type="sales.deal_won")
        history = await sales.deal_stage_history(deal_id=deal.id)
    assert won.status is DealStatus.WON and won.closed_at is not None
    assert move.value.code is lose.value.code is SalesErrorCode.DEAL_CLOSED
    assert event.payload["amount"] == "500.0000" and event.payload["currency"] == "USD"
    assert [(c.status, c.changed_by) for c in history][-1] == (DealStatus.WON, "user:bob")


async def test_pipeline_value_by_stage_sums_open_deals_per_currency(tenant):
    async with tenant_transaction(tenant.id):
        customer, pipeline, (qualify, propose, negotiate) = await setup_pipeline()
        for amount, currency, stage in [("100.10", "EUR", qualify), ("200.20", "EUR", qualify), ("300", "USD", qualify), ("1000", "EUR", propose)]:
            await sales.create_deal(customer_id=customer.id, pipeline_id=pipeline.id, stage_id=stage.id, name="d", amount=Decimal(amount), currency=currency, created_by="u")
        lost = await sales.create_deal(customer_id=customer.id, pipeline_id=pipeline.id, stage_id=propose.id, name="d", amount=Decimal("999"), currency="EUR", created_by="u")
        await sales.mark_deal_lost(deal_id=lost.id, reason="budget", changed_by="u")
        report = await sales.pipeline_value_by_stage(pipeline_id=pipeline.id)
        by_customer = await sales.open_pipeline_value_by_customer(customer_ids=[customer.id])
    assert [(row.name, row.deal_count, row.values) for row in report] == [
        ("Qualify", 3, (Money(Decimal("300.30"), "EUR"), Money(Decimal("300"), "USD"))),
        ("Propose", 1, (Money(Decimal("1000"), "EUR"),)),
        ("Negotiate", 0, ()),
    ]
    assert report[1].weighted_values == (Money(Decimal("500.00"), "EUR"),)
    assert by_customer[customer.id] == (Money(Decimal("1300.30"), "EUR"), Money(Decimal("300"), "USD"))


async def test_a_lead_converts_into_a_new_customer_and_a_deal(tenant):
    async with tenant_transaction(tenant.id):
        _, pipeline, (qualify, *_) = await setup_pipeline()
        lead = await sales.create_lead(company_name="Initech", email="buyer@initech.example", source="webinar")
        await sales.qualify_lead(lead_id=lead.id)
        deal = await sales.convert_lead(lead_id=lead.id, pipeline_id=pipeline.id, deal_name="Initech pilot", amount=Decimal("5000"), currency="GBP", converted_by="user:ann")
        lead = await sales.get_lead_or_raise(lead_id=lead.id)
        customer = await crm.get_customer_or_raise(customer_id=deal.customer_id)
        with pytest.raises(DomainError) as again:
            await sales.convert_lead(lead_id=lead.id, pipeline_id=pipeline.id, deal_name="again", amount=Decimal("1"), currency="GBP", converted_by="user:ann")
    assert (lead.status, lead.deal_id, lead.customer_id) == (LeadStatus.CONVERTED, deal.id, customer.id)
    assert customer.name == "Initech" and deal.stage_id == qualify.id
    assert again.value.code is SalesErrorCode.LEAD_CLOSED


async def test_another_tenants_customer_id_is_not_found(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        foreign = await crm.create_customer(name="Foreign")
    async with tenant_transaction(tenant.id):
        _, pipeline, _ = await setup_pipeline()
        with pytest.raises(DomainError) as error:
            await sales.create_deal(customer_id=foreign.id, pipeline_id=pipeline.id, name="X", amount=Decimal("1"), currency="EUR", created_by="u")
    assert (error.value.code, error.value.field) == ("NOT_FOUND", "customer_id")
