"""Tenant rules at work: on every event a rule may react to, each enabled rule of that event type is
evaluated once, its action carried out when its condition holds, and the run logged (RuleExecution).

A refused action (a DomainError) is logged as `failed` with its message and does not stop the other
rules; anything else fails the job, which is retried, and rules already logged are not run again.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from tortoise.transactions import in_transaction

from domain.automation import service as automation_service
from domain.automation.conditions import evaluate
from domain.automation.event_catalogue import EVENT_FIELDS
from domain.errors import DomainError
from workers.automation.registry import automation
from workers.automation.rule_actions import ACTIONS

log = logging.getLogger(__name__)


@automation("automation.tenant_rules", on=list(EVENT_FIELDS))
async def run_rules(*, event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    fields = EVENT_FIELDS[event_type]
    event_uuid = uuid.UUID(event_id)
    for rule in await automation_service.enabled_rules_for(event_type=event_type):
        if await automation_service.already_executed(rule=rule, event_id=event_uuid):
            continue
        if not evaluate(rule.condition, payload, fields):
            await automation_service.record_execution(rule=rule, event_id=event_uuid, matched=False, outcome="skipped")
            continue
        action = rule.action
        try:
            async with in_transaction():  # a savepoint: a refused action leaves nothing half done
                detail = await ACTIONS[action["type"]](rule, event_id, event_type, payload, dict(action.get("params") or {}))
        except DomainError as error:
            log.info("rule action refused", extra={"rule": rule.name, "code": str(error.code)})
            await automation_service.record_execution(
                rule=rule, event_id=event_uuid, matched=True, outcome="failed",
                detail={"code": str(error.code), "message": error.message, "field": error.field},
            )
            continue
        await automation_service.record_execution(
            rule=rule, event_id=event_uuid, matched=True, outcome="unchanged" if detail.get("unchanged") else "applied", detail=detail,
        )
