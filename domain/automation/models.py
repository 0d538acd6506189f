"""Automation's records: jobs and their effects, tenant rules, and schedules."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from tenants.ownership import TenantOwnedModel


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    RETRYING = "retrying"
    SUCCEEDED = "succeeded"
    FAILED = "failed"  # dead-lettered after its retries, waiting for a person to re-drive it


class Job(TenantOwnedModel):
    """One message's life, from enqueue to its final outcome, as the tenant sees it."""

    message_id = fields.CharField(max_length=64)
    actor = fields.CharField(max_length=120)
    queue = fields.CharField(max_length=120)
    status = fields.CharEnumField(JobStatus, max_length=16, default=JobStatus.QUEUED)
    attempts = fields.IntField(default=0)
    idempotency_key = fields.CharField(max_length=160)
    args = fields.JSONField(default=list)
    kwargs = fields.JSONField(default=dict)
    last_error = fields.TextField(null=True)
    trace_id = fields.CharField(max_length=32, null=True)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "automation_jobs"
        unique_together = (("tenant_id", "message_id"),)
        indexes = (("tenant_id", "status", "created_at"), ("tenant_id", "actor", "created_at"))


class AppliedEffect(TenantOwnedModel):
    """The record that a message's effect happened: written in the effect's own transaction, once."""

    idempotency_key = fields.CharField(max_length=160)
    actor = fields.CharField(max_length=120)

    class Meta:
        table = "automation_applied_effects"
        unique_together = (("tenant_id", "idempotency_key"),)


class Rule(TenantOwnedModel):
    """`when <event> [if <condition>] then <action>`, defined by the tenant. Its history is in RuleVersion."""

    name = fields.CharField(max_length=120)
    event_type = fields.CharField(max_length=80)
    condition = fields.JSONField(null=True)
    action = fields.JSONField()
    version = fields.IntField(default=1)
    enabled = fields.BooleanField(default=True)

    class Meta:
        table = "automation_rules"
        unique_together = (("tenant_id", "name"),)
        indexes = (("tenant_id", "event_type", "enabled"),)


class RuleVersion(TenantOwnedModel):
    """A rule as it was saved, version by version."""

    rule: fields.ForeignKeyRelation[Rule] = fields.ForeignKeyField("concord.Rule", related_name="versions", on_delete=fields.CASCADE)
    rule_id: object
    version = fields.IntField()
    definition = fields.JSONField()
    saved_by = fields.CharField(max_length=120)

    class Meta:
        table = "automation_rule_versions"
        unique_together = (("tenant_id", "rule_id", "version"),)


class RuleOutcome(StrEnum):
    SKIPPED = "skipped"  # the condition was false
    APPLIED = "applied"
    UNCHANGED = "unchanged"  # the action found its work already done
    FAILED = "failed"


class RuleExecution(TenantOwnedModel):
    """One run of a rule for one event: matched or not, and what its action did."""

    rule: fields.ForeignKeyRelation[Rule] = fields.ForeignKeyField("concord.Rule", related_name="executions", on_delete=fields.CASCADE)
    rule_id: object
    rule_version = fields.IntField()
    event_id = fields.UUIDField()
    matched = fields.BooleanField()
    outcome = fields.CharField(max_length=20)
    detail = fields.JSONField(default=dict)

    class Meta:
        table = "automation_rule_executions"
        unique_together = (("tenant_id", "rule_id", "event_id"),)
        indexes = (("tenant_id", "created_at"),)


class Schedule(TenantOwnedModel):
    """A cron-like schedule of the tenant: which job to run, with what, when."""

    name = fields.CharField(max_length=120)
    cron = fields.CharField(max_length=120)
    job = fields.CharField(max_length=120)
    params = fields.JSONField(default=dict)
    enabled = fields.BooleanField(default=True)
    last_slot_at = fields.DatetimeField(null=True)

    class Meta:
        table = "automation_schedules"
        unique_together = (("tenant_id", "name"),)


class ScheduleSlot(TenantOwnedModel):
    """A slot of a schedule that has been claimed: the unique key makes each slot run exactly once."""

    schedule: fields.ForeignKeyRelation[Schedule] = fields.ForeignKeyField("concord.Schedule", related_name="slots", on_delete=fields.CASCADE)
    schedule_id: object
    slot_at = fields.DatetimeField()
    claimed_by = fields.CharField(max_length=120)

    class Meta:
        table = "automation_schedule_slots"
        unique_together = (("tenant_id", "schedule_id", "slot_at"),)


class WorkItemStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class WorkItem(TenantOwnedModel):
    """Something an automation could not settle alone, put in front of a person (one per subject)."""

    kind = fields.CharField(max_length=60)
    subject_key = fields.CharField(max_length=160)
    title = fields.CharField(max_length=200)
    details = fields.JSONField(default=dict)
    status = fields.CharEnumField(WorkItemStatus, max_length=16, default=WorkItemStatus.OPEN)
    assignee = fields.CharField(max_length=120, null=True)
    resolved_at = fields.DatetimeField(null=True)
    resolved_by = fields.CharField(max_length=120, null=True)

    class Meta:
        table = "automation_work_items"
        unique_together = (("tenant_id", "subject_key"),)
        indexes = (("tenant_id", "status", "created_at"), ("tenant_id", "kind", "status"))
