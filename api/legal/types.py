"""Legal types in the graph: contracts (parties, value, term, the renewal date and notice deadline
derived from it) and the obligations they create."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

import strawberry
from strawberry import relay

from api.context import Info
from api.crm import loaders as crm_loaders
from api.crm.types import CustomerNode
from api.hr.types import EmployeeNode, load_employee
from api.legal import loaders
from api.legal.enums import ContractStatus, ObligationStatus, PartyKind
from api.loaders import resolve_node_rows
from api.money import Money
from api.operations.types import SupplierNode, load_supplier
from api.pagination import Connection, connection_from_list
from api.permissions import cross_area_field
from domain.legal import lookups as legal_lookups
from domain.legal import service as legal_service
from domain.legal.models import Contract as ContractModel
from domain.legal.models import ContractParty as ContractPartyModel
from domain.legal.models import Obligation as ObligationModel
from tenants.permissions import Scope


def _uuid(value: Any) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value is not None else None


@strawberry.type(name="Contract", description="An agreement with a value and a term that renews unless notice is given in time.")
class ContractNode(relay.Node):
    read_scope = Scope.LEGAL_READ  # what `node(id:)` asks of the caller

    id: relay.NodeID[str]
    number: str
    title: str
    value: Money
    status: ContractStatus
    start_date: date
    term_months: int
    notice_period_days: int
    auto_renew: bool
    renewal_date: date = strawberry.field(
        description="The day the current term ends: an active auto-renewing contract's term rolled forward to today."
    )
    notice_deadline: date = strawberry.field(description="The last day notice stops the contract at `renewalDate`.")
    ends_on: date | None = strawberry.field(description="Set once notice is given or the contract is terminated.")
    owner_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: ContractModel) -> ContractNode:
        dates = legal_lookups.term_dates(row)
        return cls(
            id=str(row.id), number=row.number, title=row.title, value=Money.of(row.value, row.currency), status=row.status,
            start_date=row.start_date, term_months=row.term_months, notice_period_days=row.notice_period_days, auto_renew=row.auto_renew,
            renewal_date=dates.renewal_date, notice_deadline=dates.notice_deadline, ends_on=row.ends_on, owner_id=_uuid(row.owner_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: legal_service.list_contracts().filter(id__in=ids), node_ids)

    @cross_area_field(Scope.HR_READ, "The employee who answers for the contract.")
    async def owner(self, info: Info) -> EmployeeNode | None:
        return await load_employee(info, self.owner_id)

    @strawberry.field(description="Who the contract binds, in the order they were added.")
    async def parties(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[ContractPartyNode]:
        rows = await loaders.parties_by_contract(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, ContractPartyNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(description="What the contract requires, by due date.")
    async def obligations(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[ObligationNode]:
        rows = await loaders.obligations_by_contract(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, ObligationNode.from_model, first=first, after=after, last=last, before=before)


async def load_contract(info: Info, contract_id: uuid.UUID | None) -> ContractNode | None:
    """The contract behind a foreign key, through the request's loader (for any area's nodes)."""
    if contract_id is None:
        return None
    row = await loaders.contract_by_id(info).load(contract_id)
    return ContractNode.from_model(row) if row else None


@strawberry.type(name="ContractParty", description="Someone a contract binds: a customer, a supplier, an employee, or another named party.")
class ContractPartyNode(relay.Node):
    read_scope = Scope.LEGAL_READ

    id: relay.NodeID[str]
    kind: PartyKind
    role: str | None
    name: str | None = strawberry.field(description="The party's name when it is none of the tenant's customers, suppliers or employees.")
    customer_id: strawberry.Private[uuid.UUID | None]
    supplier_id: strawberry.Private[uuid.UUID | None]
    employee_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: ContractPartyModel) -> ContractPartyNode:
        return cls(
            id=str(row.id), kind=row.kind, role=row.role, name=row.name, customer_id=_uuid(row.customer_id),
            supplier_id=_uuid(row.supplier_id), employee_id=_uuid(row.employee_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: legal_lookups.parties_of_contracts().filter(id__in=ids), node_ids)

    @cross_area_field(Scope.CRM_READ, "The party, when it is a customer.")
    async def customer(self, info: Info) -> CustomerNode | None:
        if self.customer_id is None:
            return None
        row = await crm_loaders.customer_by_id(info).load(self.customer_id)
        return CustomerNode.from_model(row) if row else None

    @cross_area_field(Scope.OPERATIONS_READ, "The party, when it is a supplier.")
    async def supplier(self, info: Info) -> SupplierNode | None:
        return await load_supplier(info, self.supplier_id)

    @cross_area_field(Scope.HR_READ, "The party, when it is an employee.")
    async def employee(self, info: Info) -> EmployeeNode | None:
        return await load_employee(info, self.employee_id)


@strawberry.type(name="Obligation", description="Something a contract requires by a date, and who answers for it.")
class ObligationNode(relay.Node):
    read_scope = Scope.LEGAL_READ

    id: relay.NodeID[str]
    description: str
    due_date: date
    status: ObligationStatus
    completed_on: date | None
    contract_id: strawberry.Private[uuid.UUID]
    responsible_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: ObligationModel) -> ObligationNode:
        return cls(
            id=str(row.id), description=row.description, due_date=row.due_date, status=row.status, completed_on=row.completed_on,
            contract_id=_uuid(row.contract_id), responsible_id=_uuid(row.responsible_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: legal_service.list_obligations().filter(id__in=ids), node_ids)

    @strawberry.field
    async def contract(self, info: Info) -> ContractNode | None:
        return await load_contract(info, self.contract_id)

    @cross_area_field(Scope.HR_READ, "The employee who answers for it.")
    async def responsible(self, info: Info) -> EmployeeNode | None:
        return await load_employee(info, self.responsible_id)
