"""Carrying out a tenant rule's action (the catalogue and its checks: domain/automation/actions.py).

Each returns what it did, for the rule's execution log; a DomainError means the action was refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from domain.automation import webhook_targets
from domain.automation.models import Rule
from domain.crm import service as crm_service
from domain.it import service as it_service
from domain.sales import service as sales_service
from domain.service import service as service_desk
from domain.service.sla import Priority
from infra.settings import get_settings
from workers.automation.bot_runs import request_bot_run
from workers.enqueue import enqueue

Action = Callable[[Rule, str, str, dict[str, Any], dict[str, Any]], Awaitable[dict[str, Any]]]


def _by(rule: Rule) -> str:
    return f"rule:{rule.name}"[:80]


async def create_ticket(rule: Rule, event_id: str, event_type: str, payload: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
    ticket = await service_desk.open_ticket(
        customer_id=uuid.UUID(payload["customer_id"]), subject=params["subject"], channel=crm_service.Channel.PORTAL,
        priority=Priority(params.get("priority", "normal")), opened_by=_by(rule),
        description=f"Opened by rule {rule.name!r} on {event_type}.",
    )
    return {"ticket_id": str(ticket.id), "number": ticket.number}


async def assign(rule: Rule, event_id: str, event_type: str, payload: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
    employee_id = uuid.UUID(str(params["employee_id"]))
    if payload.get("ticket_id"):
        ticket = await service_desk.get_ticket_or_raise(ticket_id=uuid.UUID(payload["ticket_id"]))
        if ticket.assignee_id == employee_id:
            return {"unchanged": True}  # assigning again would record another update, and run the rule again
        await service_desk.assign_ticket(ticket_id=ticket.id, employee_id=employee_id, assigned_by=_by(rule))
        return {"ticket_id": str(ticket.id), "employee_id": str(employee_id)}
    request = await it_service.get_support_request_or_raise(support_request_id=uuid.UUID(payload["support_request_id"]))
    if request.assignee_id == employee_id:
        return {"unchanged": True}
    await it_service.assign_support_request(support_request_id=request.id, employee_id=employee_id)
    return {"support_request_id": str(request.id), "employee_id": str(employee_id)}


async def set_field(rule: Rule, event_id: str, event_type: str, payload: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
    target, value = params["field"], params["value"]
    if target == "ticket.priority":
        ticket = await service_desk.get_ticket_or_raise(ticket_id=uuid.UUID(payload["ticket_id"]))
        if str(ticket.priority) == value:
            return {"unchanged": True}
        await service_desk.change_ticket_priority(ticket_id=ticket.id, priority=Priority(value), changed_by=_by(rule))
        return {"ticket_id": str(ticket.id), "priority": value}
    deal = await sales_service.update_deal(deal_id=uuid.UUID(payload["deal_id"]), owner=value)
    return {"deal_id": str(deal.id), "owner": value}


async def call_webhook(rule: Rule, event_id: str, event_type: str, payload: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
    from workers.actors.events import deliver_webhook  # the actors module imports the workflows

    # Checked again before queueing, so a rule saved before the policy (or under a lifted opt-in) is logged refused.
    webhook_targets.parse_target(params["url"], settings=get_settings(), field="action.params.url")
    body = {"event_id": event_id, "event_type": event_type, "payload": payload, "rule": {"id": str(rule.id), "name": rule.name}}
    message = await enqueue(deliver_webhook, params["url"], params["secret"], body, idempotency_key=f"rule:{rule.id}:{event_id}:webhook")
    return {"url": params["url"], "message_id": message.message_id}


async def start_bot_run(rule: Rule, event_id: str, event_type: str, payload: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
    started = await request_bot_run(
        bot=params["bot"], params=dict(params.get("params") or {}), started_by=_by(rule),
        subject_key=f"rule:{rule.id}:{event_id}:bot", title=f"Rule {rule.name!r} asks for a {params['bot']} run",
    )
    return {"bot": params["bot"], "run_id": started.run_id, "work_item_id": started.work_item_id, "reason": started.reason}


ACTIONS: dict[str, Action] = {
    "create_ticket": create_ticket,
    "assign": assign,
    "set_field": set_field,
    "call_webhook": call_webhook,
    "start_bot_run": start_bot_run,
}
