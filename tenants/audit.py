"""The audit logs: who did what, in which tenant, when, and how it ended. Append-only.

Two logs: each tenant's own (`audit_events`, behind row-level security, purged with the tenant), and
the platform's (`platform_audit_events`): what operators, the CLI and the platform did to tenants,
naming the tenant by id and slug without a foreign key, so it keeps the record of a tenant's deletion.

There is deliberately no function here that changes or removes an entry, and on both databases
triggers refuse UPDATE and DELETE (see infra.db.rls.append_only_statements and migration 0013); only
a tenant's deletion may purge that tenant's own entries (`purging_audit_of`).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from opentelemetry import trace
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from tenants.models import AuditEvent, PlatformAuditEvent
from tenants.ownership import create_owned, scoped

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    SUCCEEDED = "succeeded"
    REJECTED = "rejected"  # a business rule or a permission said no
    FAILED = "failed"  # an error


async def record_audit(
    *, actor: str, action: str, outcome: Outcome, target: str | None = None, details: dict[str, Any] | None = None
) -> AuditEvent:
    """Append an entry to the current tenant's audit log, stamped with the current trace."""
    return await create_owned(
        AuditEvent, actor=actor, action=action, target=target, outcome=outcome, details=details or {}, trace_id=_trace_id()
    )


def _trace_id() -> str | None:
    context = trace.get_current_span().get_span_context()
    return format(context.trace_id, "032x") if context.is_valid else None


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


async def record_platform_audit(
    *,
    actor: str,
    action: str,
    outcome: Outcome,
    tenant_id: uuid.UUID | None = None,
    tenant_slug: str | None = None,
    target: str | None = None,
    details: dict[str, Any] | None = None,
) -> PlatformAuditEvent:
    """Append an entry to the platform's audit log, stamped with the current trace."""
    return await PlatformAuditEvent.create(
        actor=actor, action=action, outcome=outcome, tenant_id=tenant_id, tenant_slug=tenant_slug, target=target,
        details=details or {}, trace_id=_trace_id(),
    )


@dataclass
class PlatformAct:
    """What an audited platform act is about; the act fills in the tenant and details as it learns them."""

    actor: str
    action: str
    tenant_id: uuid.UUID | None = None
    tenant_slug: str | None = None
    target: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    # How an act that ends without an exception ended: an act may fail without raising (a bot run that failed).
    outcome: Outcome = Outcome.SUCCEEDED

    def about(self, tenant: Any) -> None:
        """The act concerns `tenant` (a Tenant row)."""
        self.tenant_id, self.tenant_slug = tenant.id, tenant.slug
        self.target = self.target or f"tenant:{tenant.id}"

    async def record(self, outcome: Outcome, **details: Any) -> PlatformAuditEvent:
        return await record_platform_audit(
            actor=self.actor, action=self.action, outcome=outcome, tenant_id=self.tenant_id, tenant_slug=self.tenant_slug,
            target=self.target, details={**self.details, **details},
        )


@asynccontextmanager
async def platform_act(
    *, actor: str, action: str, tenant_slug: str | None = None, details: dict[str, Any] | None = None, atomic: bool = True
) -> AsyncIterator[PlatformAct]:
    """Run an act on the platform and record how it ended in the platform's audit log, then let it end so.

    A refusal (a TenantError or DomainError: anything carrying a `code`) is recorded `rejected` with its code
    and message, any other exception `failed` with its type, success `succeeded`. With `atomic`, the act and
    the record of its success commit together (a deletion is never without its record); a refused or failed
    act is rolled back first, and then recorded.
    """
    act = PlatformAct(actor=actor, action=action, tenant_slug=tenant_slug, details=dict(details or {}))
    try:
        if atomic:
            async with in_transaction():
                yield act
                await act.record(act.outcome)
        else:
            yield act
    except Exception as error:
        code = getattr(error, "code", None)
        try:
            if code is not None and hasattr(error, "message"):
                await act.record(Outcome.REJECTED, error={"code": str(code), "message": error.message})
            else:
                await act.record(Outcome.FAILED, error={"type": type(error).__name__})
        except Exception:  # the act's own error is the one to report (the database may be what failed)
            log.exception("could not record a platform act", extra={"action": action, "actor": actor})
        raise
    if not atomic:
        await act.record(act.outcome)


def platform_audit_events(
    *, tenant_id: uuid.UUID | None = None, tenant_slug: str | None = None, action: str | None = None, actor: str | None = None
) -> QuerySet[PlatformAuditEvent]:
    """The platform's audit entries matching the filters, newest first."""
    query = PlatformAuditEvent.all()
    if tenant_id:
        query = query.filter(tenant_id=tenant_id)
    if tenant_slug:
        query = query.filter(tenant_slug=tenant_slug)
    if action:
        query = query.filter(action=action)
    if actor:
        query = query.filter(actor=actor)
    return query.order_by("-created_at", "-id")


@asynccontextmanager
async def purging_audit_of(connection: BaseDBAsyncClient, tenant_id: uuid.UUID) -> AsyncIterator[None]:
    """Within `connection`'s transaction, let the append-only triggers delete `tenant_id`'s audit entries
    (and only that tenant's): the escape hatch a tenant's deletion uses, on either database."""
    if connection.capabilities.dialect == "postgres":
        # Transaction-local: the trigger of audit_events reads it (infra.db.rls.append_only_statements).
        await connection.execute_query("SELECT set_config('app.purging_tenant_id', $1, true)", [str(tenant_id)])
        yield
        return
    # SQLite: the one-row flag table the trigger of migration 0013 reads, filled and emptied in this transaction.
    await connection.execute_query('INSERT INTO "audit_purge_in_progress" ("id", "tenant_id") VALUES (1, ?)', [str(tenant_id)])
    yield
    await connection.execute_query('DELETE FROM "audit_purge_in_progress" WHERE "id" = 1')
