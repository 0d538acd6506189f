"""Automation queries. Jobs, rules and schedules show what runs for the tenant and with what data, so
reading them needs `automation:write` (back office and admins), like changing them."""

from __future__ import annotations

from typing import Annotated

import strawberry

from api.automation.filters import (
    FailedJobFilter,
    JobFilter,
    JobOrder,
    RuleExecutionFilter,
    RuleExecutionOrder,
    RuleFilter,
    RuleOrder,
    ScheduleFilter,
    ScheduleOrder,
    WorkItemFilter,
    WorkItemOrder,
)
from api.automation.types import JobNode, RuleExecutionNode, RuleNode, ScheduleNode, WorkItemNode
from api.errors import bad_argument
from api.node_ids import decode_global_id
from api.ordering import apply_order
from api.pagination import Connection, paginate
from api.permissions import Requires
from domain.automation import service as automation_service
from domain.errors import DomainError
from tenants.permissions import Scope

AUTOMATION = [Requires(Scope.AUTOMATION_WRITE)]
IGNORED_WITH_FILTER = "Use `filter`; ignored when `filter` is given."


@strawberry.type
class AutomationQuery:
    @strawberry.field(permission_classes=AUTOMATION, description="The tenant's jobs (newest first unless ordered).")
    async def jobs(
        self,
        filter: JobFilter | None = None,
        order_by: JobOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[JobNode]:
        query = automation_service.jobs(**(filter or JobFilter()).as_arguments())
        query = apply_order(query, order_by, default=("-created_at", "-id"))
        return await paginate(query, JobNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(
        permission_classes=AUTOMATION,
        description="Jobs whose retries are spent (dead-lettered), newest first unless ordered: retry them with retryJob.",
    )
    async def failed_jobs(
        self,
        filter: FailedJobFilter | None = None,
        order_by: JobOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[JobNode]:
        query = automation_service.jobs(**(filter or FailedJobFilter()).as_arguments())
        query = apply_order(query, order_by, default=("-created_at", "-id"))
        return await paginate(query, JobNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=AUTOMATION, description="One job by its global id, or null.")
    async def job(self, id: strawberry.ID) -> JobNode | None:
        row = await automation_service.get_job(job_id=decode_global_id(id, expected_type="Job"))
        return JobNode.from_model(row) if row else None

    @strawberry.field(permission_classes=AUTOMATION, description="The tenant's rules, by name unless ordered.")
    async def rules(
        self,
        filter: RuleFilter | None = None,
        order_by: RuleOrder | None = None,
        event_type: Annotated[str | None, strawberry.argument(deprecation_reason=IGNORED_WITH_FILTER)] = None,
        enabled: Annotated[bool | None, strawberry.argument(deprecation_reason=IGNORED_WITH_FILTER)] = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[RuleNode]:
        filter = filter or RuleFilter(event_type=event_type, enabled=enabled)
        try:
            query = automation_service.list_rules(**filter.as_arguments())
        except DomainError as error:
            raise bad_argument(error, argument="filter") from None
        query = apply_order(query, order_by, default=("name", "id"))
        return await paginate(query, RuleNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=AUTOMATION, description="Runs of the tenant's rules, most recent first unless ordered.")
    async def rule_executions(
        self,
        filter: RuleExecutionFilter | None = None,
        order_by: RuleExecutionOrder | None = None,
        rule_id: Annotated[strawberry.ID | None, strawberry.argument(deprecation_reason=IGNORED_WITH_FILTER)] = None,
        matched: Annotated[bool | None, strawberry.argument(deprecation_reason=IGNORED_WITH_FILTER)] = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[RuleExecutionNode]:
        filter = filter or RuleExecutionFilter(rule_id=rule_id, matched=matched)
        query = automation_service.rule_executions(**filter.as_arguments())
        query = apply_order(query, order_by, default=("-created_at", "-id"))
        return await paginate(query, RuleExecutionNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=AUTOMATION, description="The tenant's schedules, by name unless ordered.")
    async def schedules(
        self,
        filter: ScheduleFilter | None = None,
        order_by: ScheduleOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ScheduleNode]:
        try:
            query = automation_service.list_schedules(**(filter or ScheduleFilter()).as_arguments())
        except DomainError as error:
            raise bad_argument(error, argument="filter") from None
        query = apply_order(query, order_by, default=("name", "id"))
        return await paginate(query, ScheduleNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=AUTOMATION, description="What automations left for a person, newest first unless ordered.")
    async def work_items(
        self,
        filter: WorkItemFilter | None = None,
        order_by: WorkItemOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[WorkItemNode]:
        query = automation_service.list_work_items(**(filter or WorkItemFilter()).as_arguments())
        query = apply_order(query, order_by, default=("-created_at", "-id"))
        return await paginate(query, WorkItemNode.from_model, first=first, after=after, last=last, before=before)
