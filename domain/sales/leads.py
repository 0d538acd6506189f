"""Leads: prospects qualified and then converted into a customer and a deal."""

from __future__ import annotations

import uuid
from decimal import Decimal

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain.crm import service as crm_service
from domain.errors import DomainError
from domain.sales.errors import SalesErrorCode
from domain.sales.models import Deal, Lead, LeadStatus
from domain.sales.pipelines import create_deal
from domain.validation import optional_text, required_text
from tenants.ownership import create_owned, scoped

CLOSED = (LeadStatus.DISQUALIFIED, LeadStatus.CONVERTED)


def list_leads(*, status: LeadStatus | None = None) -> QuerySet[Lead]:
    """Leads, newest first, optionally in one status."""
    query = scoped(Lead)
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("-created_at", "-id")


async def get_lead_or_raise(*, lead_id: uuid.UUID) -> Lead:
    """The lead with this id, or NOT_FOUND."""
    lead = await scoped(Lead).get_or_none(id=lead_id)
    if lead is None:
        raise DomainError(SalesErrorCode.NOT_FOUND, "lead not found", field="lead_id")
    return lead


async def create_lead(
    *, company_name: str, contact_name: str | None = None, email: str | None = None, source: str | None = None, owner: str | None = None
) -> Lead:
    """Record a new prospect."""
    return await create_owned(
        Lead,
        company_name=required_text(company_name, field="company_name", max_length=200),
        contact_name=optional_text(contact_name, field="contact_name", max_length=200),
        email=optional_text(email, field="email", max_length=254),
        source=optional_text(source, field="source", max_length=60),
        owner=optional_text(owner, field="owner", max_length=80),
    )


async def _set_status(lead_id: uuid.UUID, status: LeadStatus) -> Lead:
    lead = await get_lead_or_raise(lead_id=lead_id)
    if lead.status in CLOSED:
        raise DomainError(SalesErrorCode.LEAD_CLOSED, f"the lead is {lead.status}", field="lead_id")
    lead.status = status
    await lead.save(update_fields=["status", "updated_at"])
    return lead


async def qualify_lead(*, lead_id: uuid.UUID) -> Lead:
    """Mark a lead worth pursuing."""
    return await _set_status(lead_id, LeadStatus.QUALIFIED)


async def disqualify_lead(*, lead_id: uuid.UUID) -> Lead:
    """Close a lead as not worth pursuing."""
    return await _set_status(lead_id, LeadStatus.DISQUALIFIED)


async def convert_lead(
    *,
    lead_id: uuid.UUID,
    pipeline_id: uuid.UUID,
    deal_name: str,
    amount: Decimal,
    currency: str,
    converted_by: str,
    customer_id: uuid.UUID | None = None,
) -> Deal:
    """Turn an open lead into a deal, for an existing customer or a new one named after the lead."""
    async with in_transaction():
        lead = await scoped(Lead).select_for_update().get_or_none(id=lead_id)
        if lead is None:
            raise DomainError(SalesErrorCode.NOT_FOUND, "lead not found", field="lead_id")
        if lead.status in CLOSED:
            raise DomainError(SalesErrorCode.LEAD_CLOSED, f"the lead is {lead.status}", field="lead_id")
        if customer_id is None:
            customer = await crm_service.create_customer(name=lead.company_name, email=lead.email)
        else:
            customer = await crm_service.get_customer_or_raise(customer_id=customer_id)
        deal = await create_deal(
            customer_id=customer.id,
            pipeline_id=pipeline_id,
            name=deal_name,
            amount=amount,
            currency=currency,
            created_by=converted_by,
            owner=lead.owner,
        )
        lead.status = LeadStatus.CONVERTED
        lead.customer_id = customer.id
        lead.deal = deal
        await lead.save(update_fields=["status", "customer_id", "deal_id", "updated_at"])
    return deal
