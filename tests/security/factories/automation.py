"""Attack-suite factories for the automation area's Node types."""

from __future__ import annotations

import uuid

from domain.automation import jobs
from domain.automation import service as automation_service
from domain.crm import service as crm_service


async def job(marker: str) -> uuid.UUID:
    row = await jobs.record_job(
        message_id=str(uuid.uuid4()), actor="run_automation", queue="automation", idempotency_key=f"{marker}:job",
        args=[marker], kwargs={}, trace_id=None,
    )
    await jobs.mark_failed(message_id=row.message_id, error=f"{marker} failure")
    return row.id


async def _rule(marker: str, label: str):
    return await automation_service.create_rule(
        name=f"{marker} {label}", event_type="sales.deal_won", saved_by=marker,
        condition={"field": "amount", "op": "gt", "value": "1000"},
        action={"type": "create_ticket", "params": {"subject": f"{marker} big deal"}},
    )


async def rule(marker: str) -> uuid.UUID:
    return (await _rule(marker, "rule")).id


async def rule_version(marker: str) -> uuid.UUID:
    made = await _rule(marker, "versioned rule")
    return (await automation_service.rule_versions(rule_ids=[made.id]).filter(version=1).first()).id


async def rule_execution(marker: str) -> uuid.UUID:
    made = await _rule(marker, "executed rule")
    customer = await crm_service.create_customer(name=f"{marker} rule customer")
    execution = await automation_service.record_execution(
        rule=made, event_id=uuid.uuid4(), matched=False, outcome="skipped", detail={"note": marker, "customer": str(customer.id)}
    )
    return execution.id


async def schedule(marker: str) -> uuid.UUID:
    made = await automation_service.create_schedule(
        name=f"{marker} schedule", cron="0 6 * * *", job="finance.check_overdue_invoices", params={"grace_days": 3}
    )
    return made.id


async def work_item(marker: str) -> uuid.UUID:
    item = await automation_service.open_work_item(
        kind="finance.unmatched_bank_lines", subject_key=f"{marker}:{uuid.uuid4()}", title=f"{marker} lines to match", details={"marker": marker}
    )
    return item.id


FACTORIES = {
    "Job": job,
    "Rule": rule,
    "RuleVersion": rule_version,
    "RuleExecution": rule_execution,
    "Schedule": schedule,
    "WorkItem": work_item,
}
