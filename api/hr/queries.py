"""HR queries."""

from __future__ import annotations

import strawberry

from api.hr.filters import (
    CandidateFilter,
    CandidateOrder,
    DepartmentFilter,
    DepartmentOrder,
    EmployeeFilter,
    EmployeeOrder,
    PositionFilter,
    PositionOrder,
    TrainingFilter,
    TrainingOrder,
)
from api.hr.types import CandidateNode, DepartmentNode, EmployeeNode, PositionNode, TrainingNode
from api.node_ids import decode_global_id
from api.ordering import apply_order
from api.pagination import Connection, paginate
from api.permissions import Requires
from domain.hr import lookups as hr_lookups
from domain.hr import service as hr_service
from tenants.permissions import Scope

HR_READ = [Requires(Scope.HR_READ)]


@strawberry.type
class HrQuery:
    @strawberry.field(permission_classes=HR_READ, description="The organisation's departments (by name unless ordered).")
    async def departments(
        self,
        filter: DepartmentFilter | None = None,
        order_by: DepartmentOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[DepartmentNode]:
        query = (filter or DepartmentFilter()).apply(hr_service.list_departments())
        query = apply_order(query, order_by, default=("name", "id"))
        return await paginate(query, DepartmentNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=HR_READ, description="Job titles (by title unless ordered).")
    async def positions(
        self,
        filter: PositionFilter | None = None,
        order_by: PositionOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[PositionNode]:
        query = (filter or PositionFilter()).apply(hr_lookups.list_positions())
        query = apply_order(query, order_by, default=("title", "id"))
        return await paginate(query, PositionNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=HR_READ, description="Employees, current and former (by name unless ordered).")
    async def employees(
        self,
        filter: EmployeeFilter | None = None,
        order_by: EmployeeOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[EmployeeNode]:
        query = (filter or EmployeeFilter()).apply(hr_service.list_employees())
        query = apply_order(query, order_by, default=("last_name", "first_name", "id"))
        return await paginate(query, EmployeeNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=HR_READ, description="One employee by its global id, or null when there is none.")
    async def employee(self, id: strawberry.ID) -> EmployeeNode | None:
        row = await hr_service.get_employee(employee_id=decode_global_id(id, expected_type="Employee"))
        return EmployeeNode.from_model(row) if row else None

    @strawberry.field(permission_classes=HR_READ, description="People in recruitment (newest application first unless ordered).")
    async def candidates(
        self,
        filter: CandidateFilter | None = None,
        order_by: CandidateOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CandidateNode]:
        query = (filter or CandidateFilter()).apply(hr_service.list_candidates())
        query = apply_order(query, order_by, default=("-applied_on", "-created_at", "-id"))
        return await paginate(query, CandidateNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=HR_READ, description="Trainings (soonest first unless ordered).")
    async def trainings(
        self,
        filter: TrainingFilter | None = None,
        order_by: TrainingOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[TrainingNode]:
        query = (filter or TrainingFilter()).apply(hr_lookups.list_trainings())
        query = apply_order(query, order_by, default=("starts_on", "title", "id"))
        return await paginate(query, TrainingNode.from_model, first=first, after=after, last=last, before=before)
