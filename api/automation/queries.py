"""Automation queries. Jobs, rules and schedules show what runs for the tenant and with what data, so
reading them needs `automation:write` (back office and admins), like changing them."""

from __future__ import annotations

import strawberry

from api.automation.filters import JobFilter, JobOrder, WorkItemFilter
from api.automation.types import JobNode, RuleExecutionNode, RuleNode, ScheduleNode, WorkItemNode
from api.node_ids import decode_global_id
from api.ordering import apply_order
from api.pagination import Connection, paginate
from api.permissions import Requires
from domain.automation import service as automation_service
from domain.automation.models import JobStatus
from tenants.permissions import Scope

AUTOMATION = [Requires(Scope.AUTOMATION_WRITE)]


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

    @strawberry.field(permission_classes=AUTOMATION, description="Jobs whose retries are spent (dead-lettered), newest first: retry them with retryJob.")
    async def failed_jobs(
        self, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[JobNode]:
        query = automation_service.jobs(status=JobStatus.FAILED)
        return await paginate(query, JobNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=AUTOMATION, description="One job by its global id, or null.")
    async def job(self, id: strawberry.ID) -> JobNode | None:
        row = await automation_service.get_job(job_id=decode_global_id(id, expected_type="Job"))
        return JobNode.from_model(row) if row else None

    @strawberry.field(permission_classes=AUTOMATION, description="The tenant's rules, by name.")
    async def rules(
        self,
        event_type: str | None = None,
        enabled: bool | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[RuleNode]:
        query = automation_service.list_rules(event_type=event_type, enabled=enabled)
        return await paginate(query, RuleNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=AUTOMATION, description="Runs of the tenant's rules (of one rule when given), most recent first.")
    async def rule_executions(
        self,
        rule_id: strawberry.ID | None = None,
        matched: bool | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[RuleExecutionNode]:
        rule_row = decode_global_id(rule_id, expected_type="Rule") if rule_id else None
        query = automation_service.rule_executions(rule_id=rule_row, matched=matched)
        return await paginate(query, RuleExecutionNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=AUTOMATION, description="The tenant's schedules, by name.")
    async def schedules(
        self, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[ScheduleNode]:
        return await paginate(automation_service.list_schedules(), ScheduleNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=AUTOMATION, description="What automations left for a person, newest first.")
    async def work_items(
        self,
        filter: WorkItemFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[WorkItemNode]:
        query = automation_service.list_work_items(**(filter or WorkItemFilter()).as_arguments())
        return await paginate(query, WorkItemNode.from_model, first=first, after=after, last=last, before=before)
