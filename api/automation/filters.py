"""Automation filter and order inputs."""

from __future__ import annotations

from enum import Enum

import strawberry

from api.automation.types import JobStatusValue, WorkItemStatusValue
from api.ordering import OrderDirection
from domain.automation.models import JobStatus, WorkItemStatus


@strawberry.input(description="Narrow the jobs; every given field must match.")
class JobFilter:
    status: JobStatusValue | None = None
    actor: str | None = None

    def as_arguments(self) -> dict:
        return {"status": JobStatus(self.status.value) if self.status else None, "actor": self.actor}


@strawberry.enum
class JobOrderField(Enum):
    CREATED_AT = "created_at"
    UPDATED_AT = "updated_at"
    ACTOR = "actor"
    STATUS = "status"
    ATTEMPTS = "attempts"


@strawberry.input
class JobOrder:
    field: JobOrderField
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input(description="Narrow the work items; every given field must match.")
class WorkItemFilter:
    status: WorkItemStatusValue | None = None
    kind: str | None = None

    def as_arguments(self) -> dict:
        return {"status": WorkItemStatus(self.status.value) if self.status else None, "kind": self.kind}
