"""CRM DataLoaders: a page of customers loads its contacts and interactions in one query each."""

from __future__ import annotations

import uuid

from api.context import Info
from api.loaders import by_id, grouped, loader_for
from domain.crm import service as crm_service
from domain.crm.models import Contact, Customer, Interaction


def customer_by_id(info: Info):
    async def batch(customer_ids: list[uuid.UUID]) -> list[Customer | None]:
        return by_id(await crm_service.get_customers(customer_ids=customer_ids), customer_ids)

    return loader_for(info, "crm.customer_by_id", batch)


def contacts_by_customer(info: Info):
    async def batch(customer_ids: list[uuid.UUID]) -> list[list[Contact]]:
        rows = await crm_service.list_contacts().filter(customer_id__in=customer_ids)
        return grouped(rows, customer_ids, lambda row: row.customer_id)

    return loader_for(info, "crm.contacts_by_customer", batch)


def interactions_by_customer(info: Info):
    async def batch(customer_ids: list[uuid.UUID]) -> list[list[Interaction]]:
        rows = await crm_service.list_interactions().filter(customer_id__in=customer_ids)
        return grouped(rows, customer_ids, lambda row: row.customer_id)

    return loader_for(info, "crm.interactions_by_customer", batch)
