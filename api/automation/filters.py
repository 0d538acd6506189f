"""Automation filter and order inputs."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from api.automation.types import JobStatusValue, RuleOutcomeValue, WorkItemStatusValue
from api.node_ids import decode_global_id
from api.ordering import OrderDirection
from domain.automation.models import JobStatus, RuleOutcome, WorkItemStatus


@strawberry.input(description="Narrow the jobs; every given field must match.")
class JobFilter:
    status: JobStatusValue | None = None
    actor: str | None = None
    queue: str | None = None
    since: datetime | None = strawberry.field(default=None, description="Enqueued at or after this moment.")
    until: datetime | None = strawberry.field(default=None, description="Enqueued before this moment.")

    def as_arguments(self) -> dict:
        return {
            "status": JobStatus(self.status.value) if self.status else None, "actor": self.actor, "queue": self.queue,
            "since": self.since, "until": self.until,
        }


@strawberry.input(description="Narrow the failed (dead-lettered) jobs; every given field must match.")
class FailedJobFilter:
    actor: str | None = None
    queue: str | None = None
    since: datetime | None = strawberry.field(default=None, description="Enqueued at or after this moment.")
    until: datetime | None = strawberry.field(default=None, description="Enqueued before this moment.")

    def as_arguments(self) -> dict:
        return {"status": JobStatus.FAILED, "actor": self.actor, "queue": self.queue, "since": self.since, "until": self.until}


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


@strawberry.input(description="Narrow the rules; every given field must match.")
class RuleFilter:
    event_type: str | None = strawberry.field(default=None, description="An event of the rule catalogue, e.g. sales.deal_won.")
    enabled: bool | None = None
    name_contains: str | None = None

    def as_arguments(self) -> dict:
        return {"event_type": self.event_type, "enabled": self.enabled, "name_contains": self.name_contains}


@strawberry.enum
class RuleOrderField(Enum):
    NAME = "name"
    EVENT_TYPE = "event_type"
    UPDATED_AT = "updated_at"


@strawberry.input
class RuleOrder:
    field: RuleOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the rule runs; every given field must match.")
class RuleExecutionFilter:
    rule_id: strawberry.ID | None = None
    matched: bool | None = None
    outcome: RuleOutcomeValue | None = None
    since: datetime | None = strawberry.field(default=None, description="Run at or after this moment.")
    until: datetime | None = strawberry.field(default=None, description="Run before this moment.")

    def as_arguments(self) -> dict:
        return {
            "rule_id": decode_global_id(self.rule_id, expected_type="Rule") if self.rule_id else None, "matched": self.matched,
            "outcome": RuleOutcome(self.outcome.value) if self.outcome else None, "since": self.since, "until": self.until,
        }


@strawberry.enum
class RuleExecutionOrderField(Enum):
    EXECUTED_AT = "created_at"
    OUTCOME = "outcome"


@strawberry.input
class RuleExecutionOrder:
    field: RuleExecutionOrderField
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input(description="Narrow the schedules; every given field must match.")
class ScheduleFilter:
    enabled: bool | None = None
    job: str | None = strawberry.field(default=None, description="The job the schedule runs, e.g. finance.check_overdue_invoices.")
    name_contains: str | None = None

    def as_arguments(self) -> dict:
        return {"enabled": self.enabled, "job": self.job, "name_contains": self.name_contains}


@strawberry.enum
class ScheduleOrderField(Enum):
    NAME = "name"
    JOB = "job"
    LAST_SLOT_AT = "last_slot_at"
    CREATED_AT = "created_at"


@strawberry.input
class ScheduleOrder:
    field: ScheduleOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the work items; every given field must match.")
class WorkItemFilter:
    status: WorkItemStatusValue | None = None
    kind: str | None = None
    assignee: str | None = None

    def as_arguments(self) -> dict:
        return {"status": WorkItemStatus(self.status.value) if self.status else None, "kind": self.kind, "assignee": self.assignee}


@strawberry.enum
class WorkItemOrderField(Enum):
    CREATED_AT = "created_at"
    RESOLVED_AT = "resolved_at"
    KIND = "kind"
    STATUS = "status"


@strawberry.input
class WorkItemOrder:
    field: WorkItemOrderField
    direction: OrderDirection = OrderDirection.DESC
