"""CRM types in the graph: customers (the 360° view starts here), contacts and interactions."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry import relay

from api.context import Info
from api.crm import loaders
from api.crm.filters import (
    ContactFilter,
    ContactOrder,
    InteractionChannel,
    InteractionDirection,
    InteractionFilter,
    InteractionOrder,
)
from api.loaders import resolve_node_rows
from api.money import Money
from api.pagination import Connection, connection_from_list
from api.permissions import cross_area_field
from domain.crm import service as crm_service
from domain.crm.models import Contact as ContactModel
from domain.crm.models import Customer as CustomerModel
from domain.crm.models import Interaction as InteractionModel
from tenants.permissions import Scope

Deal = Annotated["DealNode", strawberry.lazy("api.sales.types")]
SalesOrder = Annotated["SalesOrderNode", strawberry.lazy("api.sales.types")]
Ticket = Annotated["TicketNode", strawberry.lazy("api.service.types")]
Campaign = Annotated["CampaignNode", strawberry.lazy("api.marketing.types")]
Invoice = Annotated["InvoiceNode", strawberry.lazy("api.finance.types")]
Payment = Annotated["PaymentNode", strawberry.lazy("api.finance.types")]
Contract = Annotated["ContractNode", strawberry.lazy("api.legal.types")]
# The 360° lists take the filter and order inputs of their areas' root lists.
LazyDealFilter = Annotated["DealFilter", strawberry.lazy("api.sales.filters")]
LazyDealOrder = Annotated["DealOrder", strawberry.lazy("api.sales.filters")]
LazySalesOrderFilter = Annotated["SalesOrderFilter", strawberry.lazy("api.sales.filters")]
LazySalesOrderOrder = Annotated["SalesOrderOrder", strawberry.lazy("api.sales.filters")]
LazyTicketFilter = Annotated["TicketFilter", strawberry.lazy("api.service.filters")]
LazyTicketOrder = Annotated["TicketOrder", strawberry.lazy("api.service.filters")]
LazyInvoiceFilter = Annotated["InvoiceFilter", strawberry.lazy("api.finance.filters")]
LazyInvoiceOrder = Annotated["InvoiceOrder", strawberry.lazy("api.finance.filters")]
LazyPaymentFilter = Annotated["PaymentFilter", strawberry.lazy("api.finance.filters")]
LazyPaymentOrder = Annotated["PaymentOrder", strawberry.lazy("api.finance.filters")]
LazyContractFilter = Annotated["ContractFilter", strawberry.lazy("api.legal.filters")]
LazyContractOrder = Annotated["ContractOrder", strawberry.lazy("api.legal.filters")]
LazyCampaignFilter = Annotated["CampaignFilter", strawberry.lazy("api.marketing.filters")]
LazyCampaignOrder = Annotated["CampaignOrder", strawberry.lazy("api.marketing.filters")]


@strawberry.type(name="Contact", description="A person at a customer.")
class ContactNode(relay.Node):
    read_scope = Scope.CRM_READ  # what `node(id:)` asks of the caller

    id: relay.NodeID[str]
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    job_title: str | None
    customer_id: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: ContactModel) -> ContactNode:
        return cls(
            id=str(row.id), first_name=row.first_name, last_name=row.last_name, email=row.email, phone=row.phone,
            job_title=row.job_title, customer_id=row.customer_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: crm_service.get_contacts(contact_ids=ids), node_ids)

    @strawberry.field(description="The customer this person works at.")
    async def customer(self, info: Info) -> CustomerNode:
        return CustomerNode.from_model(await loaders.customer_by_id(info).load(self.customer_id))


@strawberry.type(name="Interaction", description="One touchpoint with a customer across any channel.")
class InteractionNode(relay.Node):
    read_scope = Scope.CRM_READ

    id: relay.NodeID[str]
    channel: InteractionChannel
    direction: InteractionDirection
    subject: str
    summary: str | None
    occurred_at: datetime
    recorded_by: str | None

    @classmethod
    def from_model(cls, row: InteractionModel) -> InteractionNode:
        return cls(
            id=str(row.id), channel=InteractionChannel(str(row.channel)), direction=InteractionDirection(str(row.direction)),
            subject=row.subject, summary=row.summary, occurred_at=row.occurred_at, recorded_by=row.recorded_by,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: crm_service.list_interactions().filter(id__in=ids), node_ids)


@strawberry.type(name="Customer", description="A company the tenant sells to, and its whole story across both offices.")
class CustomerNode(relay.Node):
    read_scope = Scope.CRM_READ

    id: relay.NodeID[str]
    name: str
    email: str | None
    created_at: datetime

    @classmethod
    def from_model(cls, customer: CustomerModel) -> CustomerNode:
        return cls(id=str(customer.id), name=customer.name, email=customer.email, created_at=customer.created_at)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: crm_service.get_customers(customer_ids=ids), node_ids)

    @strawberry.field(description="The people at this customer, by name.")
    async def contacts(
        self,
        info: Info,
        filter: ContactFilter | None = None,
        order_by: ContactOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ContactNode]:
        rows = await loaders.contacts_by_customer(info, filter, order_by).load(self._row_id)
        return connection_from_list(rows, ContactNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(description="Every touchpoint with this customer, most recent first.")
    async def interactions(
        self,
        info: Info,
        filter: InteractionFilter | None = None,
        order_by: InteractionOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[InteractionNode]:
        rows = await loaders.interactions_by_customer(info, filter, order_by).load(self._row_id)
        return connection_from_list(rows, InteractionNode.from_model, first=first, after=after, last=last, before=before)

    # The 360° view: the customer's story in the other areas. Each list is one batched query for a
    # whole page of customers; each needs its area's read scope and answers FORBIDDEN alone without it.
    # (Those areas' modules import this one, hence the lazy types and the imports inside the resolvers.)

    @cross_area_field(Scope.SALES_READ, "The customer's deals, newest first.")
    async def deals(
        self,
        info: Info,
        filter: LazyDealFilter | None = None,
        order_by: LazyDealOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Deal] | None:
        from api.sales import loaders as sales_loaders
        from api.sales.types import DealNode

        rows = await sales_loaders.deals_by_customer(info, filter, order_by).load(self._row_id)
        return connection_from_list(rows, DealNode.from_model, first=first, after=after, last=last, before=before)

    @cross_area_field(Scope.SALES_READ, "The customer's sales orders, most recent first.")
    async def orders(
        self,
        info: Info,
        filter: LazySalesOrderFilter | None = None,
        order_by: LazySalesOrderOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[SalesOrder] | None:
        from api.sales import loaders as sales_loaders
        from api.sales.types import SalesOrderNode

        rows = await sales_loaders.sales_orders_by_customer(info, filter, order_by).load(self._row_id)
        return connection_from_list(rows, SalesOrderNode.from_model, first=first, after=after, last=last, before=before)

    @cross_area_field(Scope.SERVICE_READ, "The customer's tickets, most urgent SLA first.")
    async def tickets(
        self,
        info: Info,
        filter: LazyTicketFilter | None = None,
        order_by: LazyTicketOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Ticket] | None:
        from api.service import loaders as service_loaders
        from api.service.types import TicketNode

        rows = await service_loaders.tickets_by_customer(info, filter, order_by).load(self._row_id)
        return connection_from_list(rows, TicketNode.from_model, first=first, after=after, last=last, before=before)

    @cross_area_field(Scope.FINANCE_READ, "The customer's invoices, newest first.")
    async def invoices(
        self,
        info: Info,
        filter: LazyInvoiceFilter | None = None,
        order_by: LazyInvoiceOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Invoice] | None:
        from api.finance.types import InvoiceNode

        rows = await loaders.invoices_by_customer(info, filter, order_by).load(self._row_id)
        return connection_from_list(rows, InvoiceNode.from_model, first=first, after=after, last=last, before=before)

    @cross_area_field(Scope.FINANCE_READ, "Money received from the customer, most recent first.")
    async def payments(
        self,
        info: Info,
        filter: LazyPaymentFilter | None = None,
        order_by: LazyPaymentOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Payment] | None:
        from api.finance.types import PaymentNode

        rows = await loaders.payments_by_customer(info, filter, order_by).load(self._row_id)
        return connection_from_list(rows, PaymentNode.from_model, first=first, after=after, last=last, before=before)

    @cross_area_field(Scope.LEGAL_READ, "The contracts the customer is a party to.")
    async def contracts(
        self,
        info: Info,
        filter: LazyContractFilter | None = None,
        order_by: LazyContractOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Contract] | None:
        from api.legal.types import ContractNode

        contracts = await loaders.contracts_by_customer(info, filter, order_by).load(self._row_id)
        return connection_from_list(contracts, ContractNode.from_model, first=first, after=after, last=last, before=before)

    @cross_area_field(Scope.MARKETING_READ, "The campaigns that targeted the customer's contacts.")
    async def campaigns(
        self,
        info: Info,
        filter: LazyCampaignFilter | None = None,
        order_by: LazyCampaignOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Campaign] | None:
        from api.marketing import loaders as marketing_loaders
        from api.marketing.types import CampaignNode

        campaigns = await marketing_loaders.campaigns_by_customer(info, filter, order_by).load(self._row_id)
        return connection_from_list(campaigns, CampaignNode.from_model, first=first, after=after, last=last, before=before)

    # KPIs, all from one batched aggregate per page of customers (domain.crm.kpis). Each sums another
    # area's rows, so each needs that area's read scope, and is nullable so a refusal leaves the customer.

    @cross_area_field(Scope.SALES_READ, "The value of the customer's open deals, one amount per currency.")
    async def open_pipeline_value(self, info: Info) -> list[Money] | None:
        return [Money.from_domain(value) for value in (await loaders.kpis_by_customer(info).load(self._row_id)).open_pipeline_value]

    @cross_area_field(Scope.FINANCE_READ, "What the customer still owes on issued invoices, one amount per currency.")
    async def outstanding_balance(self, info: Info) -> list[Money] | None:
        return [Money.from_domain(value) for value in (await loaders.kpis_by_customer(info).load(self._row_id)).outstanding_balance]

    @cross_area_field(Scope.FINANCE_READ, "Issued invoices past their due date and not fully paid.")
    async def overdue_invoice_count(self, info: Info) -> int | None:
        return (await loaders.kpis_by_customer(info).load(self._row_id)).overdue_invoice_count

    @cross_area_field(Scope.SERVICE_READ, "Tickets not yet resolved or closed.")
    async def open_ticket_count(self, info: Info) -> int | None:
        return (await loaders.kpis_by_customer(info).load(self._row_id)).open_ticket_count

    @cross_area_field(Scope.FINANCE_READ, "Net revenue of issued and paid invoices, one amount per currency.")
    async def lifetime_revenue(self, info: Info) -> list[Money] | None:
        return [Money.from_domain(value) for value in (await loaders.kpis_by_customer(info).load(self._row_id)).lifetime_revenue]

    @property
    def _row_id(self) -> uuid.UUID:
        return uuid.UUID(self.id)
