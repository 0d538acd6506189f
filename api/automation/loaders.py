"""Automation DataLoaders: a page of rules loads its versions in one query, a page of runs its rules in one."""

from __future__ import annotations

import uuid

from api.context import Info
from api.loaders import by_id, grouped, loader_for
from domain.automation import service as automation_service
from domain.automation.models import Rule, RuleVersion


def versions_by_rule(info: Info):
    async def batch(rule_ids: list[uuid.UUID]) -> list[list[RuleVersion]]:
        rows = await automation_service.rule_versions(rule_ids=rule_ids)
        return grouped(rows, rule_ids, lambda row: row.rule_id)

    return loader_for(info, "automation.versions_by_rule", batch)


def rule_by_id(info: Info):
    async def batch(rule_ids: list[uuid.UUID]) -> list[Rule | None]:
        return by_id(await automation_service.list_rules().filter(id__in=rule_ids), rule_ids)

    return loader_for(info, "automation.rule_by_id", batch)
