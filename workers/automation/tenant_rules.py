"""Tenant rules at work: on every event a rule may react to, each enabled rule of that event type is
evaluated once, its action carried out when its condition holds, and the run logged (RuleExecution).

A refused action (a DomainError) is logged as `failed` with its message and does not stop the other
rules; anything else fails the job, which is retried, and rules already logged are not run again.

Each action a rule carries out is also in the tenant's audit log, as `rule:<rule id>`: `rule.<action>` on
what it changed, `succeeded` or `rejected` with the refusal's code, committed with the execution log. A rule
whose condition does not hold did nothing and leaves no entry. An error that fails the job rolls back with
it (the job's record keeps the attempt): the attempt that settles the rule writes its entry.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from tortoise.transactions import in_transaction

from domain.automation import service as automation_service
from domain.automation.conditions import evaluate
from domain.automation.event_catalogue import EVENT_FIELDS
from domain.automation.models import Rule
from domain.errors import DomainError
from tenants.audit import Outcome, record_audit
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
            refusal = {"code": str(error.code), "message": error.message, "field": error.field}
            await automation_service.record_execution(rule=rule, event_id=event_uuid, matched=True, outcome="failed", detail=refusal)
            await _audit(rule, event_id, event_type, payload, Outcome.REJECTED, error=refusal)
            continue
        outcome = "unchanged" if detail.get("unchanged") else "applied"
        await automation_service.record_execution(rule=rule, event_id=event_uuid, matched=True, outcome=outcome, detail=detail)
        await _audit(rule, event_id, event_type, payload, Outcome.SUCCEEDED, result=detail)


# What an action changed, named by the first id its result (or else the event) carries.
_TARGETS = (("ticket_id", "ticket"), ("support_request_id", "support_request"), ("deal_id", "deal"), ("run_id", "bot_run"), ("work_item_id", "work_item"))


def _target(*sources: dict[str, Any]) -> str | None:
    for source in sources:
        for key, kind in _TARGETS:
            if source.get(key):
                return f"{kind}:{source[key]}"
        if source.get("url"):
            return f"webhook:{source['url']}"
    return None


async def _audit(rule: Rule, event_id: str, event_type: str, payload: dict[str, Any], outcome: Outcome, **what: Any) -> None:
    action_type = rule.action["type"]
    await record_audit(
        actor=f"rule:{rule.id}", action=f"rule.{action_type}", outcome=outcome,
        target=_target(what.get("result") or {}, payload),
        details={"rule": rule.name, "rule_version": rule.version, "event_id": event_id, "event_type": event_type, **what},
    )
