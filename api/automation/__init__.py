"""Automation in the graph: query and mutation roots and Node types, merged by api/schema.py."""

from __future__ import annotations

from api.automation.mutations import AutomationMutation
from api.automation.queries import AutomationQuery
from api.automation.types import JobNode, RuleExecutionNode, RuleNode, RuleVersionNode, ScheduleNode, WorkItemNode

QUERIES: tuple[type, ...] = (AutomationQuery,)
MUTATIONS: tuple[type, ...] = (AutomationMutation,)
NODE_TYPES: list[type] = [JobNode, RuleNode, RuleVersionNode, RuleExecutionNode, ScheduleNode, WorkItemNode]
