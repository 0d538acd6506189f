"""What a tenant rule does is in the tenant's audit log as the rule (`rule:<rule id>`): each action it carries
out, on what, and whether it succeeded or was refused. A rule whose condition does not hold did nothing, and
leaves no entry."""

from __future__ import annotations

import uuid

from domain.automation import service as automation_service
from domain.crm import service as crm_service
from domain.service import events as service_events
from domain.service import service as service_desk
from tenants.audit import audit_events
from tenants.context import tenant_transaction
from workers.automation.tenant_rules import run_rules


def ticket_opened(ticket, **changes) -> dict:
    payload = {
        "ticket_id": str(ticket.id), "number": ticket.number, "customer_id": str(ticket.customer_id), "change": "opened",
        "status": str(ticket.status), "priority": str(ticket.priority), "assignee_id": None, "sla_due_at": None, "sla_paused": False,
    }
    return {**payload, **changes}


async def test_each_action_a_rule_carries_out_is_audited_as_the_rule_with_its_target_and_outcome(db, tenant):
    async with tenant_transaction(tenant.id):
        raise_low = await automation_service.create_rule(
            name="No ticket stays low", event_type=service_events.TICKET_OPENED, saved_by="ana",
            condition={"field": "priority", "op": "eq", "value": "low"},
            action={"type": "set_field", "params": {"field": "ticket.priority", "value": "normal"}},
        )
        await automation_service.create_rule(
            name="Urgent only", event_type=service_events.TICKET_OPENED, saved_by="ana",
            condition={"field": "priority", "op": "eq", "value": "urgent"},
            action={"type": "set_field", "params": {"field": "ticket.priority", "value": "high"}},
        )
        customer = await crm_service.create_customer(name="Rules Audit Customer")
        ticket = await service_desk.open_ticket(
            customer_id=customer.id, subject="Slow page", channel=crm_service.Channel.PHONE, opened_by="ana",
            priority=service_desk.Priority.LOW,
        )
        event_id = str(uuid.uuid4())
        await run_rules(event_id=event_id, event_type=service_events.TICKET_OPENED, payload=ticket_opened(ticket))

        entries = [entry for entry in await audit_events() if entry.actor.startswith("rule:")]

    [entry] = entries  # the urgent-only rule did not match: it did nothing
    assert (entry.actor, entry.action, entry.outcome) == (f"rule:{raise_low.id}", "rule.set_field", "succeeded")
    assert entry.target == f"ticket:{ticket.id}"
    assert entry.details["event_id"] == event_id and entry.details["rule"] == "No ticket stays low"
    assert entry.details["result"] == {"ticket_id": str(ticket.id), "priority": "normal"}


async def test_a_refused_rule_action_is_audited_as_rejected_with_its_code(db, tenant):
    async with tenant_transaction(tenant.id):
        rule = await automation_service.create_rule(
            name="Raise every ticket", event_type=service_events.TICKET_OPENED, saved_by="ana",
            action={"type": "set_field", "params": {"field": "ticket.priority", "value": "high"}},
        )
        customer = await crm_service.create_customer(name="Ghost Ticket Customer")
        ticket = await service_desk.open_ticket(
            customer_id=customer.id, subject="Gone soon", channel=crm_service.Channel.PHONE, opened_by="ana",
        )
        ghost = uuid.uuid4()  # the event names a ticket that is not there (any more)
        await run_rules(event_id=str(uuid.uuid4()), event_type=service_events.TICKET_OPENED, payload=ticket_opened(ticket, ticket_id=str(ghost)))

        [entry] = [entry for entry in await audit_events() if entry.actor.startswith("rule:")]

    assert (entry.actor, entry.action, entry.outcome) == (f"rule:{rule.id}", "rule.set_field", "rejected")
    assert entry.target == f"ticket:{ghost}" and entry.details["error"]["code"] == "NOT_FOUND"
