"""HR types in the graph: departments, positions, employees with their department history, salaries,
candidates and trainings.

Other areas reach an employee (the holder of an IT asset, the owner of a contract) only through fields
that need `hr:read`; an HR mutation's payload answers under `hr:write`, so the history and trainings still
declare `hr:read` themselves, and pay needs `hr:salaries` everywhere. Those fields are nullable, so a
refused one is null on its own and the rest of the object still answers.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import strawberry
from strawberry import relay

from api.context import Info
from api.hr import loaders
from api.hr.enums import EmployeeStatus, EnrolmentStatus, RecruitmentStage, SalaryPeriod
from api.hr.filters import EmployeeFilter, EmployeeOrder
from api.loaders import resolve_node_rows
from api.money import Money
from api.pagination import Connection, connection_from_list
from api.permissions import Requires, cross_area_field
from domain.hr import lookups as hr_lookups
from domain.hr import service as hr_service
from domain.hr.models import Candidate as CandidateModel
from domain.hr.models import Department as DepartmentModel
from domain.hr.models import DepartmentAssignment as DepartmentAssignmentModel
from domain.hr.models import Employee as EmployeeModel
from domain.hr.models import Position as PositionModel
from domain.hr.models import Salary as SalaryModel
from domain.hr.models import Training as TrainingModel
from domain.hr.models import TrainingEnrolment as TrainingEnrolmentModel
from tenants.permissions import Scope

HR_READ = [Requires(Scope.HR_READ)]


def _uuid(value: Any) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value is not None else None


@strawberry.type(name="Department", description="A unit of the organisation; an employee is in one at a time.")
class DepartmentNode(relay.Node):
    read_scope = Scope.HR_READ  # what `node(id:)` asks of the caller

    id: relay.NodeID[str]
    name: str
    code: str | None
    created_at: datetime

    @classmethod
    def from_model(cls, row: DepartmentModel) -> DepartmentNode:
        return cls(id=str(row.id), name=row.name, code=row.code, created_at=row.created_at)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: hr_service.list_departments().filter(id__in=ids), node_ids)

    @strawberry.field(permission_classes=HR_READ, description="The employees in this department, by name unless ordered: the active ones unless `filter.status` asks for another.")
    async def employees(
        self,
        info: Info,
        filter: EmployeeFilter | None = None,
        order_by: EmployeeOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[EmployeeNode] | None:
        rows = await loaders.employees_by_department(info, filter, order_by).load(uuid.UUID(self.id))
        return connection_from_list(rows, EmployeeNode.from_model, first=first, after=after, last=last, before=before)


@strawberry.type(name="Position", description="A job title, optionally tied to a department.")
class PositionNode(relay.Node):
    read_scope = Scope.HR_READ

    id: relay.NodeID[str]
    title: str
    department_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: PositionModel) -> PositionNode:
        return cls(id=str(row.id), title=row.title, department_id=_uuid(row.department_id))

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: hr_lookups.list_positions().filter(id__in=ids), node_ids)

    @strawberry.field(description="The department the position belongs to, if any.")
    async def department(self, info: Info) -> DepartmentNode | None:
        return await _department(info, self.department_id)


async def _department(info: Info, department_id: uuid.UUID | None) -> DepartmentNode | None:
    if department_id is None:
        return None
    row = await loaders.department_by_id(info).load(department_id)
    return DepartmentNode.from_model(row) if row else None


@strawberry.type(name="Employee", description="A person employed by the tenant.")
class EmployeeNode(relay.Node):
    read_scope = Scope.HR_READ

    id: relay.NodeID[str]
    employee_number: str
    first_name: str
    last_name: str
    email: str | None
    status: EmployeeStatus
    hired_on: date
    terminated_on: date | None
    department_id: strawberry.Private[uuid.UUID | None]
    position_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: EmployeeModel) -> EmployeeNode:
        return cls(
            id=str(row.id), employee_number=row.employee_number, first_name=row.first_name, last_name=row.last_name,
            email=row.email, status=row.status, hired_on=row.hired_on, terminated_on=row.terminated_on,
            department_id=_uuid(row.department_id), position_id=_uuid(row.position_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: hr_service.get_employees(employee_ids=ids), node_ids)

    @strawberry.field(description="The department the employee is in now.")
    async def department(self, info: Info) -> DepartmentNode | None:
        return await _department(info, self.department_id)

    @strawberry.field(description="The employee's job title.")
    async def position(self, info: Info) -> PositionNode | None:
        if self.position_id is None:
            return None
        row = await loaders.position_by_id(info).load(self.position_id)
        return PositionNode.from_model(row) if row else None

    @strawberry.field(permission_classes=HR_READ, description="Every department the employee has been in, oldest first.")
    async def department_history(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[DepartmentAssignmentNode] | None:
        rows = await loaders.assignments_by_employee(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, DepartmentAssignmentNode.from_model, first=first, after=after, last=last, before=before)

    @cross_area_field(Scope.HR_SALARIES, "The salary in force today.")
    async def salary(self, info: Info) -> SalaryNode | None:
        row = await loaders.current_salary_by_employee(info).load(uuid.UUID(self.id))
        return SalaryNode.from_model(row) if row else None

    @cross_area_field(Scope.HR_SALARIES, "Every salary the employee has had, oldest first.")
    async def salary_history(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[SalaryNode] | None:
        rows = await loaders.salaries_by_employee(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, SalaryNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=HR_READ, description="The trainings the employee is or was enrolled in, oldest enrolment first.")
    async def training_enrolments(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[TrainingEnrolmentNode] | None:
        rows = await loaders.enrolments_by_employee(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, TrainingEnrolmentNode.from_model, first=first, after=after, last=last, before=before)


async def load_employee(info: Info, employee_id: uuid.UUID | None) -> EmployeeNode | None:
    """The employee behind a foreign key, through the request's loader (for any area's nodes)."""
    if employee_id is None:
        return None
    row = await loaders.employee_by_id(info).load(employee_id)
    return EmployeeNode.from_model(row) if row else None


@strawberry.type(name="DepartmentAssignment", description="A period an employee spent in a department (open while `endedOn` is null).")
class DepartmentAssignmentNode(relay.Node):
    read_scope = Scope.HR_READ

    id: relay.NodeID[str]
    started_on: date
    ended_on: date | None
    assigned_by: str | None
    department_id: strawberry.Private[uuid.UUID]
    employee_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_model(cls, row: DepartmentAssignmentModel) -> DepartmentAssignmentNode:
        return cls(
            id=str(row.id), started_on=row.started_on, ended_on=row.ended_on, assigned_by=row.assigned_by,
            department_id=_uuid(row.department_id), employee_id=_uuid(row.employee_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: hr_lookups.department_assignments().filter(id__in=ids), node_ids)

    @strawberry.field
    async def department(self, info: Info) -> DepartmentNode | None:
        return await _department(info, self.department_id)

    @strawberry.field
    async def employee(self, info: Info) -> EmployeeNode | None:
        return await load_employee(info, self.employee_id)


@strawberry.type(name="Salary", description="An employee's pay from a date on, until the next salary takes over (needs hr:salaries).")
class SalaryNode(relay.Node):
    read_scope = Scope.HR_SALARIES

    id: relay.NodeID[str]
    amount: Money
    period: SalaryPeriod
    effective_from: date

    @classmethod
    def from_model(cls, row: SalaryModel) -> SalaryNode:
        return cls(id=str(row.id), amount=Money.of(row.amount, row.currency), period=row.period, effective_from=row.effective_from)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: hr_lookups.salaries().filter(id__in=ids), node_ids)


@strawberry.type(name="Candidate", description="A person in recruitment.")
class CandidateNode(relay.Node):
    read_scope = Scope.HR_READ

    id: relay.NodeID[str]
    first_name: str
    last_name: str
    email: str | None
    stage: RecruitmentStage
    applied_on: date
    stage_changed_at: datetime | None
    position_id: strawberry.Private[uuid.UUID | None]
    hired_employee_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: CandidateModel) -> CandidateNode:
        return cls(
            id=str(row.id), first_name=row.first_name, last_name=row.last_name, email=row.email, stage=row.stage,
            applied_on=row.applied_on, stage_changed_at=row.stage_changed_at, position_id=_uuid(row.position_id),
            hired_employee_id=_uuid(row.hired_employee_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: hr_service.list_candidates().filter(id__in=ids), node_ids)

    @strawberry.field(description="The position applied for.")
    async def position(self, info: Info) -> PositionNode | None:
        if self.position_id is None:
            return None
        row = await loaders.position_by_id(info).load(self.position_id)
        return PositionNode.from_model(row) if row else None

    @strawberry.field(description="The employee the candidate became, once hired.")
    async def hired_employee(self, info: Info) -> EmployeeNode | None:
        return await load_employee(info, self.hired_employee_id)


@strawberry.type(name="Training", description="A course employees can enrol in, with an optional capacity.")
class TrainingNode(relay.Node):
    read_scope = Scope.HR_READ

    id: relay.NodeID[str]
    title: str
    starts_on: date
    ends_on: date | None
    capacity: int | None

    @classmethod
    def from_model(cls, row: TrainingModel) -> TrainingNode:
        return cls(id=str(row.id), title=row.title, starts_on=row.starts_on, ends_on=row.ends_on, capacity=row.capacity)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: hr_lookups.list_trainings().filter(id__in=ids), node_ids)

    @strawberry.field(description="Who is enrolled, in enrolment order.")
    async def enrolments(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[TrainingEnrolmentNode]:
        rows = await loaders.enrolments_by_training(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, TrainingEnrolmentNode.from_model, first=first, after=after, last=last, before=before)


@strawberry.type(name="TrainingEnrolment", description="An employee's place in a training, and whether they completed it.")
class TrainingEnrolmentNode(relay.Node):
    read_scope = Scope.HR_READ

    id: relay.NodeID[str]
    status: EnrolmentStatus
    completed_on: date | None
    training_id: strawberry.Private[uuid.UUID]
    employee_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_model(cls, row: TrainingEnrolmentModel) -> TrainingEnrolmentNode:
        return cls(
            id=str(row.id), status=row.status, completed_on=row.completed_on, training_id=_uuid(row.training_id),
            employee_id=_uuid(row.employee_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: hr_lookups.list_enrolments().filter(id__in=ids), node_ids)

    @strawberry.field
    async def training(self, info: Info) -> TrainingNode | None:
        row = await loaders.training_by_id(info).load(self.training_id)
        return TrainingNode.from_model(row) if row else None

    @strawberry.field
    async def employee(self, info: Info) -> EmployeeNode | None:
        return await load_employee(info, self.employee_id)
