"""Automation services: the public entry point of the area (jobs, rules, schedules, work items)."""

from domain.automation.jobs import assign_message, get_job, jobs, take_for_retry
from domain.automation.rules import (
    already_executed,
    create_rule,
    disable_rule,
    enabled_rules_for,
    get_rule_or_raise,
    list_rules,
    record_execution,
    rule_executions,
    rule_versions,
    update_rule,
)
from domain.automation.schedules import claim_due_slots, create_schedule, list_schedules, set_schedule_enabled, slots_of
from domain.automation.work_items import list_work_items, open_work_item, resolve_work_item

__all__ = [
    "already_executed",
    "assign_message",
    "claim_due_slots",
    "create_rule",
    "create_schedule",
    "disable_rule",
    "enabled_rules_for",
    "get_job",
    "get_rule_or_raise",
    "jobs",
    "list_rules",
    "list_schedules",
    "list_work_items",
    "open_work_item",
    "record_execution",
    "resolve_work_item",
    "rule_executions",
    "rule_versions",
    "set_schedule_enabled",
    "slots_of",
    "take_for_retry",
    "update_rule",
]


async def records_by_ids(*, model: type, ids: list) -> list:
    """The current tenant's automation records of `model` (Job, Rule, RuleVersion, …) with these ids."""
    from tenants.ownership import scoped

    return await scoped(model).filter(id__in=list(ids))
