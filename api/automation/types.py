"""Automation types in the graph: jobs, tenant rules with their versions and runs, schedules, work items."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from api.context import Info
from api.loaders import resolve_node_rows
from domain.automation import service as automation_service
from domain.automation.models import Job, Rule, RuleExecution, RuleVersion, Schedule, WorkItem
from tenants.permissions import Scope


@strawberry.enum(name="JobStatus", description="Where a job is in its life.")
class JobStatusValue(Enum):
    QUEUED = "queued"
    RUNNING = "running"
    RETRYING = "retrying"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


@strawberry.enum(name="RuleOutcome", description="How a rule run ended.")
class RuleOutcomeValue(Enum):
    SKIPPED = "skipped"
    APPLIED = "applied"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@strawberry.enum(name="WorkItemStatus")
class WorkItemStatusValue(Enum):
    OPEN = "open"
    DONE = "done"


async def _resolve(cls, model, node_ids: Iterable[str]) -> list[Any]:
    return await resolve_node_rows(cls, lambda ids: automation_service.records_by_ids(model=model, ids=ids), node_ids)


@strawberry.type(name="Job", description="One message's life in the workers, from enqueue to its final outcome.")
class JobNode(relay.Node):
    read_scope = Scope.AUTOMATION_WRITE

    id: relay.NodeID[str]
    actor: str
    queue: str
    status: JobStatusValue
    attempts: int
    message_id: str
    idempotency_key: str
    args: JSON
    kwargs: JSON
    last_error: str | None = strawberry.field(description="The error of the latest failed attempt (type and message).")
    trace_id: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @classmethod
    def from_model(cls, row: Job) -> JobNode:
        return cls(
            id=str(row.id), actor=row.actor, queue=row.queue, status=JobStatusValue(str(row.status)), attempts=row.attempts,
            message_id=row.message_id, idempotency_key=row.idempotency_key, args=row.args, kwargs=row.kwargs,
            last_error=row.last_error, trace_id=row.trace_id, created_at=row.created_at, started_at=row.started_at,
            finished_at=row.finished_at,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await _resolve(cls, Job, node_ids)


@strawberry.type(name="RuleVersion", description="A rule as it was saved.")
class RuleVersionNode(relay.Node):
    read_scope = Scope.AUTOMATION_WRITE

    id: relay.NodeID[str]
    version: int
    definition: JSON
    saved_by: str
    saved_at: datetime

    @classmethod
    def from_model(cls, row: RuleVersion) -> RuleVersionNode:
        return cls(id=str(row.id), version=row.version, definition=row.definition, saved_by=row.saved_by, saved_at=row.created_at)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await _resolve(cls, RuleVersion, node_ids)


@strawberry.type(name="Rule", description="`when <event> [if <condition>] then <action>`, defined by the tenant.")
class RuleNode(relay.Node):
    read_scope = Scope.AUTOMATION_WRITE

    id: relay.NodeID[str]
    name: str
    event_type: str
    condition: JSON | None
    action: JSON
    version: int
    enabled: bool
    updated_at: datetime

    @classmethod
    def from_model(cls, row: Rule) -> RuleNode:
        return cls(
            id=str(row.id), name=row.name, event_type=row.event_type, condition=row.condition, action=row.action,
            version=row.version, enabled=row.enabled, updated_at=row.updated_at,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await _resolve(cls, Rule, node_ids)

    @strawberry.field(description="Every saved version, newest first.")
    async def versions(self, info: Info) -> list[RuleVersionNode]:
        from api.automation.loaders import versions_by_rule

        return [RuleVersionNode.from_model(row) for row in await versions_by_rule(info).load(self._row_id)]

    @property
    def _row_id(self) -> uuid.UUID:
        return uuid.UUID(self.id)


@strawberry.type(name="RuleExecution", description="One run of a rule for one event.")
class RuleExecutionNode(relay.Node):
    read_scope = Scope.AUTOMATION_WRITE

    id: relay.NodeID[str]
    rule_version: int
    event_id: str
    matched: bool
    outcome: str = strawberry.field(description="skipped (condition false), applied, unchanged or failed.")
    detail: JSON
    executed_at: datetime
    rule_row_id: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: RuleExecution) -> RuleExecutionNode:
        return cls(
            id=str(row.id), rule_version=row.rule_version, event_id=str(row.event_id), matched=row.matched, outcome=row.outcome,
            detail=row.detail, executed_at=row.created_at, rule_row_id=row.rule_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await _resolve(cls, RuleExecution, node_ids)

    @strawberry.field(description="The rule that ran.")
    async def rule(self, info: Info) -> RuleNode | None:
        from api.automation.loaders import rule_by_id

        row = await rule_by_id(info).load(self.rule_row_id)
        return RuleNode.from_model(row) if row else None


@strawberry.type(name="Schedule", description="A cron-like schedule (UTC) that runs a job once per slot.")
class ScheduleNode(relay.Node):
    read_scope = Scope.AUTOMATION_WRITE

    id: relay.NodeID[str]
    name: str
    cron: str
    job: str
    params: JSON
    enabled: bool
    last_slot_at: datetime | None

    @classmethod
    def from_model(cls, row: Schedule) -> ScheduleNode:
        return cls(
            id=str(row.id), name=row.name, cron=row.cron, job=row.job, params=row.params, enabled=row.enabled,
            last_slot_at=row.last_slot_at,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await _resolve(cls, Schedule, node_ids)


@strawberry.type(name="WorkItem", description="Something an automation could not settle alone, waiting for a person.")
class WorkItemNode(relay.Node):
    read_scope = Scope.AUTOMATION_WRITE

    id: relay.NodeID[str]
    kind: str
    title: str
    details: JSON
    status: WorkItemStatusValue
    assignee: str | None
    created_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None

    @classmethod
    def from_model(cls, row: WorkItem) -> WorkItemNode:
        return cls(
            id=str(row.id), kind=row.kind, title=row.title, details=row.details, status=WorkItemStatusValue(str(row.status)),
            assignee=row.assignee, created_at=row.created_at, resolved_at=row.resolved_at, resolved_by=row.resolved_by,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await _resolve(cls, WorkItem, node_ids)
