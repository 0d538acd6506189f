"""The audit log: who did what, in which tenant, when, and how it ended. Append-only.

There is deliberately no function here that changes or removes an entry, and on PostgreSQL a
trigger refuses UPDATE and DELETE on the table (see infra.db.rls.append_only_statements).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from opentelemetry import trace
from tortoise.queryset import QuerySet

from tenants.models import AuditEvent
from tenants.ownership import create_owned, scoped


class Outcome(StrEnum):
    SUCCEEDED = "succeeded"
    REJECTED = "rejected"  # a business rule or a permission said no
    FAILED = "failed"  # an error


async def record_audit(
    *, actor: str, action: str, outcome: Outcome, target: str | None = None, details: dict[str, Any] | None = None
) -> AuditEvent:
    """Append an entry to the current tenant's audit log, stamped with the current trace."""
    context = trace.get_current_span().get_span_context()
    return await create_owned(
        AuditEvent,
        actor=actor,
        action=action,
        target=target,
        outcome=outcome,
        details=details or {},
        trace_id=format(context.trace_id, "032x") if context.is_valid else None,
    )


def audit_events(
    *,
    actor: str | None = None,
    action: str | None = None,
    outcome: Outcome | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> QuerySet[AuditEvent]:
    """The current tenant's audit entries matching the filters, newest first."""
    query = scoped(AuditEvent)
    if actor:
        query = query.filter(actor=actor)
    if action:
        query = query.filter(action=action)
    if outcome:
        query = query.filter(outcome=outcome)
    if since:
        query = query.filter(created_at__gte=since)
    if until:
        query = query.filter(created_at__lt=until)
    return query.order_by("-created_at", "-id")
