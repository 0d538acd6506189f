"""IT types in the graph: assets and who holds them (with the history), and IT support requests."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import strawberry
from strawberry import relay

from api.context import Info
from api.hr.types import EmployeeNode, load_employee
from api.it import loaders
from api.it.enums import AssetKind, AssetStatus, RequestPriority, SupportRequestStatus
from api.loaders import resolve_node_rows
from api.money import Money
from api.pagination import Connection, connection_from_list
from api.permissions import cross_area_field
from domain.it import lookups as it_lookups
from domain.it import service as it_service
from domain.it.models import Asset as AssetModel
from domain.it.models import AssetAssignment as AssetAssignmentModel
from domain.it.models import SupportRequest as SupportRequestModel
from tenants.permissions import Scope


def _uuid(value: Any) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value is not None else None


async def _asset(info: Info, asset_id: uuid.UUID | None) -> AssetNode | None:
    if asset_id is None:
        return None
    row = await loaders.asset_by_id(info).load(asset_id)
    return AssetNode.from_model(row) if row else None


@strawberry.type(name="Asset", description="A piece of equipment or a licence, held by at most one employee at a time.")
class AssetNode(relay.Node):
    read_scope = Scope.IT_READ  # what `node(id:)` asks of the caller

    id: relay.NodeID[str]
    asset_tag: str
    name: str
    kind: AssetKind
    serial_number: str | None
    status: AssetStatus
    purchased_on: date | None
    purchase_cost: Money | None
    assigned_to_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: AssetModel) -> AssetNode:
        return cls(
            id=str(row.id), asset_tag=row.asset_tag, name=row.name, kind=row.kind, serial_number=row.serial_number, status=row.status,
            purchased_on=row.purchased_on, purchase_cost=Money.optional(row.purchase_cost, row.currency),
            assigned_to_id=_uuid(row.assigned_to_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: it_service.list_assets().filter(id__in=ids), node_ids)

    @cross_area_field(Scope.HR_READ, "The employee holding the asset now.")
    async def assigned_to(self, info: Info) -> EmployeeNode | None:
        return await load_employee(info, self.assigned_to_id)

    @strawberry.field(description="Who held the asset, oldest first.")
    async def assignments(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[AssetAssignmentNode]:
        rows = await loaders.assignments_by_asset(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, AssetAssignmentNode.from_model, first=first, after=after, last=last, before=before)


@strawberry.type(name="AssetAssignment", description="A period an employee held an asset (open while `returnedOn` is null).")
class AssetAssignmentNode(relay.Node):
    read_scope = Scope.IT_READ

    id: relay.NodeID[str]
    assigned_on: date
    returned_on: date | None
    asset_id: strawberry.Private[uuid.UUID]
    employee_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_model(cls, row: AssetAssignmentModel) -> AssetAssignmentNode:
        return cls(
            id=str(row.id), assigned_on=row.assigned_on, returned_on=row.returned_on, asset_id=_uuid(row.asset_id),
            employee_id=_uuid(row.employee_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: it_lookups.assignments_of_assets().filter(id__in=ids), node_ids)

    @strawberry.field
    async def asset(self, info: Info) -> AssetNode | None:
        return await _asset(info, self.asset_id)

    @cross_area_field(Scope.HR_READ, "The employee who held the asset.")
    async def employee(self, info: Info) -> EmployeeNode | None:
        return await load_employee(info, self.employee_id)


@strawberry.type(name="SupportRequest", description="An employee's request for IT help, optionally about one asset.")
class SupportRequestNode(relay.Node):
    read_scope = Scope.IT_READ

    id: relay.NodeID[str]
    number: str
    subject: str
    description: str | None
    priority: RequestPriority
    status: SupportRequestStatus
    resolution: str | None
    resolved_at: datetime | None
    created_at: datetime
    requester_id: strawberry.Private[uuid.UUID]
    assignee_id: strawberry.Private[uuid.UUID | None]
    asset_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: SupportRequestModel) -> SupportRequestNode:
        return cls(
            id=str(row.id), number=row.number, subject=row.subject, description=row.description, priority=row.priority,
            status=row.status, resolution=row.resolution, resolved_at=row.resolved_at, created_at=row.created_at,
            requester_id=_uuid(row.requester_id), assignee_id=_uuid(row.assignee_id), asset_id=_uuid(row.asset_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: it_service.list_support_requests().filter(id__in=ids), node_ids)

    @cross_area_field(Scope.HR_READ, "Who asked for help.")
    async def requester(self, info: Info) -> EmployeeNode | None:
        return await load_employee(info, self.requester_id)

    @cross_area_field(Scope.HR_READ, "Who in IT handles it.")
    async def assignee(self, info: Info) -> EmployeeNode | None:
        return await load_employee(info, self.assignee_id)

    @strawberry.field(description="The asset it is about, if any.")
    async def asset(self, info: Info) -> AssetNode | None:
        return await _asset(info, self.asset_id)
