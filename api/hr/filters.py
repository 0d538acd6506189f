"""HR filter and order inputs."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from api.hr.enums import EmployeeStatus, RecruitmentStage
from api.node_ids import decode_global_id
from api.ordering import OrderDirection


def _by_name(query: QuerySet, text: str) -> QuerySet:
    return query.filter(Q(first_name__icontains=text) | Q(last_name__icontains=text))


@strawberry.input(description="Narrow the departments; every given field must match.")
class DepartmentFilter:
    name_contains: str | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.name_contains:
            query = query.filter(name__icontains=self.name_contains)
        return query


@strawberry.enum
class DepartmentOrderField(Enum):
    NAME = "name"
    CREATED_AT = "created_at"


@strawberry.input
class DepartmentOrder:
    field: DepartmentOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the positions; every given field must match.")
class PositionFilter:
    department_id: strawberry.ID | None = None
    title_contains: str | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.department_id:
            query = query.filter(department_id=decode_global_id(self.department_id, expected_type="Department"))
        if self.title_contains:
            query = query.filter(title__icontains=self.title_contains)
        return query


@strawberry.enum
class PositionOrderField(Enum):
    TITLE = "title"
    CREATED_AT = "created_at"


@strawberry.input
class PositionOrder:
    field: PositionOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the employees; every given field must match.")
class EmployeeFilter:
    department_id: strawberry.ID | None = None
    status: EmployeeStatus | None = None
    name_contains: str | None = None
    hired_after: date | None = None
    hired_before: date | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.department_id:
            query = query.filter(department_id=decode_global_id(self.department_id, expected_type="Department"))
        if self.status:
            query = query.filter(status=self.status)
        if self.name_contains:
            query = _by_name(query, self.name_contains)
        if self.hired_after:
            query = query.filter(hired_on__gte=self.hired_after)
        if self.hired_before:
            query = query.filter(hired_on__lt=self.hired_before)
        return query


@strawberry.enum
class EmployeeOrderField(Enum):
    LAST_NAME = "last_name"
    EMPLOYEE_NUMBER = "employee_number"
    HIRED_ON = "hired_on"


@strawberry.input
class EmployeeOrder:
    field: EmployeeOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the candidates; every given field must match.")
class CandidateFilter:
    stage: RecruitmentStage | None = None
    position_id: strawberry.ID | None = None
    name_contains: str | None = None
    applied_after: date | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.stage:
            query = query.filter(stage=self.stage)
        if self.position_id:
            query = query.filter(position_id=decode_global_id(self.position_id, expected_type="Position"))
        if self.name_contains:
            query = _by_name(query, self.name_contains)
        if self.applied_after:
            query = query.filter(applied_on__gte=self.applied_after)
        return query


@strawberry.enum
class CandidateOrderField(Enum):
    APPLIED_ON = "applied_on"
    LAST_NAME = "last_name"


@strawberry.input
class CandidateOrder:
    field: CandidateOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the trainings; every given field must match.")
class TrainingFilter:
    title_contains: str | None = None
    starts_after: date | None = None
    starts_before: date | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.title_contains:
            query = query.filter(title__icontains=self.title_contains)
        if self.starts_after:
            query = query.filter(starts_on__gte=self.starts_after)
        if self.starts_before:
            query = query.filter(starts_on__lt=self.starts_before)
        return query


@strawberry.enum
class TrainingOrderField(Enum):
    STARTS_ON = "starts_on"
    TITLE = "title"


@strawberry.input
class TrainingOrder:
    field: TrainingOrderField
    direction: OrderDirection = OrderDirection.ASC
