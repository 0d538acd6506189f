"""CRM: customers have contacts, and interactions across channels are logged against them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.crm import service as crm
from domain.crm.errors import CrmErrorCode
from domain.crm.models import Channel, Direction
from domain.errors import DomainError
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import scoped


async def test_interactions_are_listed_newest_first_across_channels(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        contact = await crm.create_contact(customer_id=customer.id, first_name="Ann", last_name="Lee", email="ann@northwind.example")
        for day, channel in enumerate([Channel.EMAIL, Channel.PHONE, Channel.CHAT, Channel.MEETING, Channel.PORTAL], start=1):
            await crm.log_interaction(
                customer_id=customer.id,
                contact_id=contact.id,
                channel=channel,
                direction=Direction.INBOUND,
                subject=f"touch {day}",
                occurred_at=datetime(2024, 3, day, tzinfo=UTC),
            )
        interactions = await crm.list_interactions(customer_id=customer.id)
        calls = await crm.list_interactions(customer_id=customer.id, channel=Channel.PHONE)
        events = await scoped(OutboxEvent).filter(event_type="crm.interaction_logged").count()
    assert [i.channel for i in interactions] == [Channel.PORTAL, Channel.MEETING, Channel.CHAT, Channel.PHONE, Channel.EMAIL]
    assert [i.subject for i in calls] == ["touch 2"]
    assert events == 5


async def test_an_interaction_refuses_a_contact_of_another_customer(tenant):
    async with tenant_transaction(tenant.id):
        northwind = await crm.create_customer(name="Northwind")
        globex = await crm.create_customer(name="Globex")
        ann = await crm.create_contact(customer_id=globex.id, first_name="Ann", last_name="Lee")
        with pytest.raises(DomainError) as error:
            await crm.log_interaction(
                customer_id=northwind.id,
                contact_id=ann.id,
                channel=Channel.EMAIL,
                direction=Direction.OUTBOUND,
                subject="hello",
                occurred_at=datetime(2024, 3, 1, tzinfo=UTC),
            )
    assert (error.value.code, error.value.field) == (CrmErrorCode.CONTACT_OF_ANOTHER_CUSTOMER, "contact_id")


async def test_contact_details_are_validated_and_updatable(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        with pytest.raises(DomainError) as bad_email:
            await crm.create_contact(customer_id=customer.id, first_name="Ann", last_name="Lee", email="nope")
        with pytest.raises(DomainError) as no_name:
            await crm.create_contact(customer_id=customer.id, first_name=" ", last_name="Lee")
        contact = await crm.create_contact(customer_id=customer.id, first_name="Ann", last_name="Lee", phone="+1 555")
        contact = await crm.update_contact(contact_id=contact.id, job_title="Buyer", phone=None)
        renamed = await crm.update_customer(customer_id=customer.id, name="Northwind Foods")
    assert bad_email.value.field == "email"
    assert no_name.value.field == "first_name"
    assert (contact.job_title, contact.phone) == ("Buyer", None)
    assert renamed.name == "Northwind Foods"


async def test_another_tenants_customer_id_is_not_found(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        foreign = await crm.create_customer(name="Foreign Co")
    async with tenant_transaction(tenant.id):
        assert await crm.get_customer(customer_id=foreign.id) is None
        assert await crm.get_customers(customer_ids=[foreign.id]) == []
        with pytest.raises(DomainError) as error:
            await crm.create_contact(customer_id=foreign.id, first_name="Ann", last_name="Lee")
    assert (error.value.code, error.value.field) == (CrmErrorCode.NOT_FOUND, "customer_id")
