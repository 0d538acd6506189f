"""CRM DataLoaders: a page of customers loads its contacts and interactions in one query each."""

from __future__ import annotations

import uuid

from api.context import Info
from api.loaders import by_id, grouped, loader_for
from domain.crm import kpis as crm_kpis
from domain.crm import service as crm_service
from domain.crm.models import Contact, Customer, Interaction
from domain.finance import service as finance_service
from domain.finance.models import Invoice, Payment
from domain.legal import lookups as legal_lookups


def customer_by_id(info: Info):
    async def batch(customer_ids: list[uuid.UUID]) -> list[Customer | None]:
        return by_id(await crm_service.get_customers(customer_ids=customer_ids), customer_ids)

    return loader_for(info, "crm.customer_by_id", batch)


def contact_by_id(info: Info):
    async def batch(contact_ids: list[uuid.UUID]) -> list[Contact | None]:
        return by_id(await crm_service.get_contacts(contact_ids=contact_ids), contact_ids)

    return loader_for(info, "crm.contact_by_id", batch)


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


# The 360° view's lists from areas whose own loaders are keyed by their documents, not by customer.


def invoices_by_customer(info: Info):
    async def batch(customer_ids: list[uuid.UUID]) -> list[list[Invoice]]:
        rows = await finance_service.list_invoices().filter(customer_id__in=customer_ids)
        return grouped(rows, customer_ids, lambda row: row.customer_id)

    return loader_for(info, "crm.invoices_by_customer", batch)


def payments_by_customer(info: Info):
    async def batch(customer_ids: list[uuid.UUID]) -> list[list[Payment]]:
        rows = await finance_service.list_payments().filter(customer_id__in=customer_ids)
        return grouped(rows, customer_ids, lambda row: row.customer_id)

    return loader_for(info, "crm.payments_by_customer", batch)


def contract_ids_by_customer(info: Info):
    """The contracts each customer is a party to, in the order it became one, each once."""

    async def batch(customer_ids: list[uuid.UUID]) -> list[list[uuid.UUID]]:
        parties = await legal_lookups.parties_of_contracts().filter(customer_id__in=customer_ids)
        groups = grouped(parties, customer_ids, lambda row: row.customer_id)
        return [list(dict.fromkeys(party.contract_id for party in group)) for group in groups]

    return loader_for(info, "crm.contract_ids_by_customer", batch)


def kpis_by_customer(info: Info):
    """The 360° view's KPIs, computed for a whole page of customers in a fixed number of aggregate queries."""

    async def batch(customer_ids: list[uuid.UUID]) -> list[crm_kpis.CustomerKpis]:
        kpis = await crm_kpis.customer_kpis(customer_ids=customer_ids)
        return [kpis[customer_id] for customer_id in customer_ids]

    return loader_for(info, "crm.kpis_by_customer", batch)
