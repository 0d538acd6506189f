"""IT services: assets and who holds them, and IT support requests."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.errors import DomainError
from domain.hr import service as hr_service
from domain.it import events
from domain.it.errors import ItErrorCode
from domain.it.models import Asset, AssetAssignment, AssetKind, AssetStatus, RequestPriority, SupportRequest, SupportRequestStatus
from domain.money import currency_code
from domain.outbox import record_event
from domain.sequences.service import next_number
from domain.validation import non_negative_decimal, optional_text, required_text
from tenants.ownership import create_owned, scoped

REQUEST_TRANSITIONS: dict[SupportRequestStatus, set[SupportRequestStatus]] = {
    SupportRequestStatus.OPEN: {SupportRequestStatus.IN_PROGRESS, SupportRequestStatus.RESOLVED, SupportRequestStatus.CLOSED},
    SupportRequestStatus.IN_PROGRESS: {SupportRequestStatus.OPEN, SupportRequestStatus.RESOLVED, SupportRequestStatus.CLOSED},
    SupportRequestStatus.RESOLVED: {SupportRequestStatus.OPEN, SupportRequestStatus.CLOSED},
    SupportRequestStatus.CLOSED: set(),
}


def _not_found(what: str, field: str) -> DomainError:
    return DomainError(ItErrorCode.NOT_FOUND, f"{what} not found", field=field)


# Assets


def list_assets(*, employee_id: uuid.UUID | None = None, status: AssetStatus | None = None) -> QuerySet[Asset]:
    """Assets by tag, optionally held by one employee or in one status."""
    query = scoped(Asset)
    if employee_id is not None:
        query = query.filter(assigned_to_id=employee_id)
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("asset_tag")


async def get_asset_or_raise(*, asset_id: uuid.UUID, field: str = "asset_id") -> Asset:
    """The asset with this id, or NOT_FOUND."""
    asset = await scoped(Asset).get_or_none(id=asset_id)
    if asset is None:
        raise _not_found("asset", field)
    return asset


async def register_asset(
    *,
    asset_tag: str,
    name: str,
    kind: AssetKind,
    serial_number: str | None = None,
    purchased_on: date | None = None,
    purchase_cost: Decimal | None = None,
    currency: str | None = None,
) -> Asset:
    """Add an asset to stock; tags are unique within the tenant."""
    asset_tag = required_text(asset_tag, field="asset_tag", max_length=40)
    if purchase_cost is not None and currency is None:
        raise DomainError(ItErrorCode.COST_NEEDS_CURRENCY, "a purchase cost needs a currency", field="currency")
    if await scoped(Asset).filter(asset_tag=asset_tag).exists():
        raise DomainError(ItErrorCode.DUPLICATE, f"asset {asset_tag} exists", field="asset_tag")
    return await create_owned(
        Asset,
        asset_tag=asset_tag,
        name=required_text(name, field="name", max_length=200),
        kind=AssetKind(kind),
        serial_number=optional_text(serial_number, field="serial_number", max_length=100),
        purchased_on=purchased_on,
        purchase_cost=non_negative_decimal(purchase_cost, field="purchase_cost") if purchase_cost is not None else None,
        currency=currency_code(currency) if currency is not None else None,
    )


async def _locked_asset(asset_id: uuid.UUID) -> Asset:
    asset = await scoped(Asset).select_for_update().get_or_none(id=asset_id)
    if asset is None:
        raise _not_found("asset", "asset_id")
    return asset


async def assign_asset(*, asset_id: uuid.UUID, employee_id: uuid.UUID, on: date | None = None) -> AssetAssignment:
    """Hand an asset in stock to an active employee, opening an assignment."""
    employee = await hr_service.get_active_employee_or_raise(employee_id=employee_id)
    on = on or clock.today()
    async with in_transaction():
        asset = await _locked_asset(asset_id)
        if asset.status is not AssetStatus.IN_STOCK:
            raise DomainError(ItErrorCode.ASSET_NOT_AVAILABLE, f"the asset is {asset.status}", field="asset_id")
        assignment = await create_owned(AssetAssignment, asset=asset, employee=employee, assigned_on=on)
        asset.status = AssetStatus.ASSIGNED
        asset.assigned_to = employee
        await asset.save(update_fields=["status", "assigned_to_id", "updated_at"])
        await record_event(
            event_type=events.ASSET_ASSIGNED,
            payload=events.asset_holder(asset, employee_id=employee.id),
            idempotency_key=f"{events.ASSET_ASSIGNED}:{assignment.id}",
        )
    return assignment


async def return_asset(*, asset_id: uuid.UUID, on: date | None = None, to_repair: bool = False) -> Asset:
    """Take an asset back from its holder, into stock or repair."""
    on = on or clock.today()
    async with in_transaction():
        asset = await _locked_asset(asset_id)
        if asset.status is not AssetStatus.ASSIGNED:
            raise DomainError(ItErrorCode.ASSET_NOT_ASSIGNED, f"the asset is {asset.status}", field="asset_id")
        holder = asset.assigned_to_id
        await scoped(AssetAssignment).filter(asset_id=asset.id, returned_on=None).update(returned_on=on)
        asset.status = AssetStatus.IN_REPAIR if to_repair else AssetStatus.IN_STOCK
        asset.assigned_to = None
        await asset.save(update_fields=["status", "assigned_to_id", "updated_at"])
        await record_event(
            event_type=events.ASSET_RETURNED,
            payload=events.asset_holder(asset, employee_id=holder),
            idempotency_key=f"{events.ASSET_RETURNED}:{asset.id}:{uuid.uuid4()}",
        )
    return asset


async def mark_asset_repaired(*, asset_id: uuid.UUID) -> Asset:
    """Put a repaired asset back in stock."""
    asset = await get_asset_or_raise(asset_id=asset_id)
    if asset.status is not AssetStatus.IN_REPAIR:
        raise DomainError(ItErrorCode.ASSET_NOT_AVAILABLE, f"the asset is {asset.status}", field="asset_id")
    asset.status = AssetStatus.IN_STOCK
    await asset.save(update_fields=["status", "updated_at"])
    return asset


async def retire_asset(*, asset_id: uuid.UUID) -> Asset:
    """Retire an asset that nobody holds."""
    asset = await get_asset_or_raise(asset_id=asset_id)
    if asset.status is AssetStatus.ASSIGNED:
        raise DomainError(ItErrorCode.ASSET_NOT_AVAILABLE, "return the asset before retiring it", field="asset_id")
    if asset.status is AssetStatus.RETIRED:
        raise DomainError(ItErrorCode.ASSET_RETIRED, "the asset is already retired", field="asset_id")
    asset.status = AssetStatus.RETIRED
    await asset.save(update_fields=["status", "updated_at"])
    return asset


def asset_history(*, asset_id: uuid.UUID) -> QuerySet[AssetAssignment]:
    """Who held an asset, oldest first."""
    return scoped(AssetAssignment).filter(asset_id=asset_id).order_by("assigned_on", "created_at")


# Support requests


def list_support_requests(
    *, status: SupportRequestStatus | None = None, requester_id: uuid.UUID | None = None, assignee_id: uuid.UUID | None = None
) -> QuerySet[SupportRequest]:
    """Support requests, newest first, optionally in one status, of one requester or assignee."""
    query = scoped(SupportRequest)
    if status is not None:
        query = query.filter(status=status)
    if requester_id is not None:
        query = query.filter(requester_id=requester_id)
    if assignee_id is not None:
        query = query.filter(assignee_id=assignee_id)
    return query.order_by("-created_at")


async def get_support_request_or_raise(*, support_request_id: uuid.UUID) -> SupportRequest:
    """The support request with this id, or NOT_FOUND."""
    request = await scoped(SupportRequest).get_or_none(id=support_request_id)
    if request is None:
        raise _not_found("support request", "support_request_id")
    return request


async def _record(request: SupportRequest, event_type: str) -> None:
    await record_event(
        event_type=event_type, payload=events.support_request_state(request), idempotency_key=f"{event_type}:{request.id}:{uuid.uuid4()}"
    )


async def open_support_request(
    *,
    requester_id: uuid.UUID,
    subject: str,
    description: str | None = None,
    asset_id: uuid.UUID | None = None,
    priority: RequestPriority = RequestPriority.NORMAL,
) -> SupportRequest:
    """An employee asks IT for help, optionally about an asset."""
    requester = await hr_service.get_employee_or_raise(employee_id=requester_id, field="requester_id")
    asset = await get_asset_or_raise(asset_id=asset_id) if asset_id else None
    async with in_transaction():
        request = await create_owned(
            SupportRequest,
            number=await next_number(model=SupportRequest, prefix="IT-"),
            requester=requester,
            asset=asset,
            subject=required_text(subject, field="subject", max_length=200),
            description=description,
            priority=RequestPriority(priority),
        )
        await _record(request, events.SUPPORT_REQUEST_OPENED)
    return request


async def _locked_request(support_request_id: uuid.UUID) -> SupportRequest:
    request = await scoped(SupportRequest).select_for_update().get_or_none(id=support_request_id)
    if request is None:
        raise _not_found("support request", "support_request_id")
    if request.status is SupportRequestStatus.CLOSED:
        raise DomainError(ItErrorCode.REQUEST_CLOSED, "the request is closed", field="support_request_id")
    return request


async def assign_support_request(*, support_request_id: uuid.UUID, employee_id: uuid.UUID) -> SupportRequest:
    """Give a request to an IT employee; an open request becomes in progress."""
    employee = await hr_service.get_active_employee_or_raise(employee_id=employee_id)
    async with in_transaction():
        request = await _locked_request(support_request_id)
        request.assignee = employee
        if request.status is SupportRequestStatus.OPEN:
            request.status = SupportRequestStatus.IN_PROGRESS
        await request.save(update_fields=["assignee_id", "status", "updated_at"])
        await _record(request, events.SUPPORT_REQUEST_UPDATED)
    return request


async def change_support_request_status(
    *, support_request_id: uuid.UUID, status: SupportRequestStatus, resolution: str | None = None, at: datetime | None = None
) -> SupportRequest:
    """Move a request along (open, in progress, resolved with a resolution, closed)."""
    status = SupportRequestStatus(status)
    async with in_transaction():
        request = await _locked_request(support_request_id)
        if status not in REQUEST_TRANSITIONS[request.status]:
            raise DomainError(ItErrorCode.INVALID_TRANSITION, f"a {request.status} request cannot become {status}", field="status")
        if status is SupportRequestStatus.RESOLVED:
            request.resolution = required_text(resolution, field="resolution", max_length=5000)
            request.resolved_at = at or clock.now()
        elif status is SupportRequestStatus.OPEN:
            request.resolved_at = None
        request.status = status
        await request.save(update_fields=["status", "resolution", "resolved_at", "updated_at"])
        await _record(request, events.SUPPORT_REQUEST_UPDATED)
    return request
