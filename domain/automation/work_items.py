"""Work items: what an automation could not settle alone and put in front of a person, once per subject."""

from __future__ import annotations

import uuid
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.automation.errors import AutomationErrorCode
from domain.automation.models import WorkItem, WorkItemStatus
from domain.errors import DomainError
from tenants.ownership import create_owned, scoped


def list_work_items(
    *, status: WorkItemStatus | None = None, kind: str | None = None, assignee: str | None = None
) -> QuerySet[WorkItem]:
    """The tenant's work items, newest first, optionally of one status, kind or assignee."""
    query = scoped(WorkItem)
    if status is not None:
        query = query.filter(status=status)
    if kind is not None:
        query = query.filter(kind=kind)
    if assignee is not None:
        query = query.filter(assignee=assignee)
    return query.order_by("-created_at", "-id")


async def open_work_item(
    *, kind: str, subject_key: str, title: str, details: dict[str, Any], assignee: str | None = None
) -> WorkItem:
    """Put `subject_key` in front of a person; an item for the same subject is returned, not repeated."""
    existing = await scoped(WorkItem).get_or_none(subject_key=subject_key)
    if existing is not None:
        return existing
    try:
        async with in_transaction():
            return await create_owned(
                WorkItem, kind=kind, subject_key=subject_key[:160], title=title[:200], details=details,
                assignee=assignee[:120] if assignee else None,
            )
    except IntegrityError:
        return await scoped(WorkItem).get(subject_key=subject_key)


async def resolve_work_item(*, work_item_id: uuid.UUID, resolved_by: str) -> WorkItem:
    """Mark an open work item done."""
    item = await scoped(WorkItem).get_or_none(id=work_item_id)
    if item is None:
        raise DomainError(AutomationErrorCode.NOT_FOUND, "work item not found", field="id")
    if item.status is WorkItemStatus.DONE:
        raise DomainError(AutomationErrorCode.WORK_ITEM_DONE, "the work item is already done", field="id")
    item.status = WorkItemStatus.DONE
    item.resolved_at = clock.now()
    item.resolved_by = resolved_by[:120]
    await item.save(update_fields=["status", "resolved_at", "resolved_by", "updated_at"])
    return item
