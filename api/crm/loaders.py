"""CRM DataLoaders: a page of customers loads its contacts and interactions in one query each.

The 360° view's lists take the filter and order of their root list; each combination asked for has a
loader of its own (`variant`), so a page costs one query per list and combination, whatever its size.
"""

from __future__ import annotations

import uuid

from api.context import Info
from api.loaders import by_id, grouped, loader_for, regrouped, variant
from api.ordering import Narrowing, Ordering, narrow
from domain.crm import kpis as crm_kpis
from domain.crm import service as crm_service
from domain.crm.models import Contact, Customer, Interaction
from domain.finance import service as finance_service
from domain.finance.models import Invoice, Payment
from domain.legal import lookups as legal_lookups
from domain.legal import service as legal_service
from domain.legal.models import Contract


def customer_by_id(info: Info):
    async def batch(customer_ids: list[uuid.UUID]) -> list[Customer | None]:
        return by_id(await crm_service.get_customers(customer_ids=customer_ids), customer_ids)

    return loader_for(info, "crm.customer_by_id", batch)


def contact_by_id(info: Info):
    async def batch(contact_ids: list[uuid.UUID]) -> list[Contact | None]:
        return by_id(await crm_service.get_contacts(contact_ids=contact_ids), contact_ids)

    return loader_for(info, "crm.contact_by_id", batch)


def contacts_by_customer(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    async def batch(customer_ids: list[uuid.UUID]) -> list[list[Contact]]:
        rows = await narrow(crm_service.list_contacts(), filter, order).filter(customer_id__in=customer_ids)
        return grouped(rows, customer_ids, lambda row: row.customer_id)

    return loader_for(info, f"crm.contacts_by_customer{variant(filter, order)}", batch)


def interactions_by_customer(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    async def batch(customer_ids: list[uuid.UUID]) -> list[list[Interaction]]:
        rows = await narrow(crm_service.list_interactions(), filter, order).filter(customer_id__in=customer_ids)
        return grouped(rows, customer_ids, lambda row: row.customer_id)

    return loader_for(info, f"crm.interactions_by_customer{variant(filter, order)}", batch)


# The 360° view's lists from areas whose own loaders are keyed by their documents, not by customer.


def invoices_by_customer(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    async def batch(customer_ids: list[uuid.UUID]) -> list[list[Invoice]]:
        rows = await narrow(finance_service.list_invoices(), filter, order).filter(customer_id__in=customer_ids)
        return grouped(rows, customer_ids, lambda row: row.customer_id)

    return loader_for(info, f"crm.invoices_by_customer{variant(filter, order)}", batch)


def payments_by_customer(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    async def batch(customer_ids: list[uuid.UUID]) -> list[list[Payment]]:
        rows = await narrow(finance_service.list_payments(), filter, order).filter(customer_id__in=customer_ids)
        return grouped(rows, customer_ids, lambda row: row.customer_id)

    return loader_for(info, f"crm.payments_by_customer{variant(filter, order)}", batch)


def contract_ids_by_customer(info: Info):
    """The contracts each customer is a party to, in the order it became one, each once."""

    async def batch(customer_ids: list[uuid.UUID]) -> list[list[uuid.UUID]]:
        parties = await legal_lookups.parties_of_contracts().filter(customer_id__in=customer_ids)
        groups = grouped(parties, customer_ids, lambda row: row.customer_id)
        return [list(dict.fromkeys(party.contract_id for party in group)) for group in groups]

    return loader_for(info, "crm.contract_ids_by_customer", batch)


def contracts_by_customer(info: Info, filter: Narrowing | None = None, order: Ordering | None = None):
    """The contracts each customer is a party to, narrowed and ordered as asked (party order without an order)."""
    async def batch(customer_ids: list[uuid.UUID]) -> list[list[Contract]]:
        id_groups = await contract_ids_by_customer(info).load_many(customer_ids)
        wanted = {contract_id for group in id_groups for contract_id in group}
        rows = await narrow(legal_service.list_contracts(), filter, order).filter(id__in=wanted) if wanted else []
        return regrouped(rows, id_groups, ordered=order is not None)

    return loader_for(info, f"crm.contracts_by_customer{variant(filter, order)}", batch)



def kpis_by_customer(info: Info):
    """The 360° view's KPIs, computed for a whole page of customers in a fixed number of aggregate queries."""

    async def batch(customer_ids: list[uuid.UUID]) -> list[crm_kpis.CustomerKpis]:
        kpis = await crm_kpis.customer_kpis(customer_ids=customer_ids)
        return [kpis[customer_id] for customer_id in customer_ids]

    return loader_for(info, "crm.kpis_by_customer", batch)
