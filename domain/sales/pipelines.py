"""Pipelines with ordered stages, and deals that move only through their own pipeline's stages."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.crm import service as crm_service
from domain.errors import DomainError
from domain.money import currency_code
from domain.outbox import record_event
from domain.sales import events
from domain.sales.errors import SalesErrorCode
from domain.sales.models import Deal, DealStageChange, DealStatus, Pipeline, PipelineStage
from domain.validation import non_negative_decimal, optional_text, required_text
from tenants.ownership import create_owned, scoped


@dataclass(frozen=True)
class StageInput:
    name: str
    probability: int = 0


def _not_found(what: str, field: str) -> DomainError:
    return DomainError(SalesErrorCode.NOT_FOUND, f"{what} not found", field=field)


# Pipelines


def list_pipelines() -> QuerySet[Pipeline]:
    """Pipelines by name."""
    return scoped(Pipeline).order_by("name")


async def get_pipeline_or_raise(*, pipeline_id: uuid.UUID, field: str = "pipeline_id") -> Pipeline:
    """The pipeline with this id, or NOT_FOUND."""
    pipeline = await scoped(Pipeline).get_or_none(id=pipeline_id)
    if pipeline is None:
        raise _not_found("pipeline", field)
    return pipeline


def pipeline_stages(*, pipeline_id: uuid.UUID) -> QuerySet[PipelineStage]:
    """A pipeline's stages in order."""
    return scoped(PipelineStage).filter(pipeline_id=pipeline_id).order_by("position")


async def create_pipeline(*, name: str, stages: Sequence[StageInput]) -> Pipeline:
    """Create a pipeline with its stages in the given order (positions 1..n)."""
    name = required_text(name, field="name", max_length=120)
    if not stages:
        raise DomainError(SalesErrorCode.STAGES_REQUIRED, "a pipeline needs at least one stage", field="stages")
    names = [required_text(stage.name, field=f"stages.{index}.name", max_length=80) for index, stage in enumerate(stages)]
    for index, stage in enumerate(stages):
        if names.index(names[index]) != index:
            raise DomainError(SalesErrorCode.DUPLICATE, f"stage {names[index]!r} is listed twice", field=f"stages.{index}.name")
        if not 0 <= stage.probability <= 100:
            raise DomainError(SalesErrorCode.INVALID_PROBABILITY, "probability is a percentage from 0 to 100", field=f"stages.{index}.probability")
    if await scoped(Pipeline).filter(name=name).exists():
        raise DomainError(SalesErrorCode.DUPLICATE, f"a pipeline named {name!r} exists", field="name")
    async with in_transaction():
        pipeline = await create_owned(Pipeline, name=name)
        for position, (stage_name, stage) in enumerate(zip(names, stages, strict=True), start=1):
            await create_owned(PipelineStage, pipeline=pipeline, name=stage_name, position=position, probability=stage.probability)
    return pipeline


# Deals


def list_deals(
    *, customer_id: uuid.UUID | None = None, pipeline_id: uuid.UUID | None = None, status: DealStatus | None = None
) -> QuerySet[Deal]:
    """Deals, newest first, optionally of one customer, pipeline or status."""
    query = scoped(Deal)
    if customer_id is not None:
        query = query.filter(customer_id=customer_id)
    if pipeline_id is not None:
        query = query.filter(pipeline_id=pipeline_id)
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("-created_at", "-id")


async def get_deal(*, deal_id: uuid.UUID) -> Deal | None:
    """The deal with this id, or None."""
    return await scoped(Deal).get_or_none(id=deal_id)


async def get_deal_or_raise(*, deal_id: uuid.UUID, field: str = "deal_id") -> Deal:
    """The deal with this id, or NOT_FOUND naming `field`."""
    deal = await get_deal(deal_id=deal_id)
    if deal is None:
        raise _not_found("deal", field)
    return deal


async def _record_change(
    deal: Deal, *, from_stage_id: object, changed_by: str, at: datetime | None
) -> DealStageChange:
    return await create_owned(
        DealStageChange,
        deal=deal,
        from_stage_id=from_stage_id,
        to_stage_id=deal.stage_id,
        status=deal.status,
        changed_at=at or clock.now(),
        changed_by=required_text(changed_by, field="changed_by", max_length=80),
    )


async def create_deal(
    *,
    customer_id: uuid.UUID,
    pipeline_id: uuid.UUID,
    name: str,
    amount: Decimal,
    currency: str,
    created_by: str,
    stage_id: uuid.UUID | None = None,
    expected_close_on: date | None = None,
    owner: str | None = None,
    at: datetime | None = None,
) -> Deal:
    """Open a deal in a pipeline, in `stage_id` (a stage of that pipeline) or its first stage."""
    customer = await crm_service.get_customer_or_raise(customer_id=customer_id)
    pipeline = await get_pipeline_or_raise(pipeline_id=pipeline_id)
    stages = await pipeline_stages(pipeline_id=pipeline.id)
    if stage_id is None:
        stage = stages[0]
    else:
        stage = next((candidate for candidate in stages if candidate.id == stage_id), None)
        if stage is None:
            raise await _stage_refusal(stage_id)
    async with in_transaction():
        deal = await create_owned(
            Deal,
            name=required_text(name, field="name", max_length=200),
            customer=customer,
            pipeline=pipeline,
            stage=stage,
            amount=non_negative_decimal(amount, field="amount"),
            currency=currency_code(currency),
            expected_close_on=expected_close_on,
            owner=optional_text(owner, field="owner", max_length=80),
        )
        await _record_change(deal, from_stage_id=None, changed_by=created_by, at=at)
    return deal


async def _stage_refusal(stage_id: uuid.UUID) -> DomainError:
    if await scoped(PipelineStage).filter(id=stage_id).exists():
        return DomainError(SalesErrorCode.STAGE_OF_ANOTHER_PIPELINE, "the stage belongs to another pipeline", field="stage_id")
    return _not_found("stage", "stage_id")


async def update_deal(
    *,
    deal_id: uuid.UUID,
    name: str | None = None,
    amount: Decimal | None = None,
    expected_close_on: date | None = None,
    owner: str | None = None,
) -> Deal:
    """Change an open deal's name, amount, expected close date or owner."""
    deal = await get_deal_or_raise(deal_id=deal_id)
    if deal.status is not DealStatus.OPEN:
        raise DomainError(SalesErrorCode.DEAL_CLOSED, f"the deal is {deal.status}", field="deal_id")
    if name is not None:
        deal.name = required_text(name, field="name", max_length=200)
    if amount is not None:
        deal.amount = non_negative_decimal(amount, field="amount")
    if expected_close_on is not None:
        deal.expected_close_on = expected_close_on
    if owner is not None:
        deal.owner = optional_text(owner, field="owner", max_length=80)
    await deal.save()
    return deal


async def _locked_open_deal(deal_id: uuid.UUID) -> Deal:
    deal = await scoped(Deal).select_for_update().get_or_none(id=deal_id)
    if deal is None:
        raise _not_found("deal", "deal_id")
    if deal.status is not DealStatus.OPEN:
        raise DomainError(SalesErrorCode.DEAL_CLOSED, f"the deal is already {deal.status}", field="deal_id")
    return deal


async def move_deal_to_stage(
    *, deal_id: uuid.UUID, stage_id: uuid.UUID, changed_by: str, at: datetime | None = None
) -> DealStageChange:
    """Move an open deal to another stage of its own pipeline (forward or back), recording when and by whom."""
    async with in_transaction():
        deal = await _locked_open_deal(deal_id)
        stage = await scoped(PipelineStage).get_or_none(id=stage_id, pipeline_id=deal.pipeline_id)
        if stage is None:
            raise await _stage_refusal(stage_id)
        if stage.id == deal.stage_id:
            raise DomainError(SalesErrorCode.ALREADY_IN_STAGE, "the deal is already in this stage", field="stage_id")
        from_stage_id = deal.stage_id
        deal.stage = stage
        await deal.save(update_fields=["stage_id", "updated_at"])
        change = await _record_change(deal, from_stage_id=from_stage_id, changed_by=changed_by, at=at)
        await record_event(
            event_type=events.DEAL_STAGE_CHANGED,
            payload=events.deal_stage_changed(deal, change),
            idempotency_key=f"{events.DEAL_STAGE_CHANGED}:{change.id}",
        )
    return change


async def _close_deal(
    deal_id: uuid.UUID, *, status: DealStatus, changed_by: str, at: datetime | None, lost_reason: str | None = None
) -> Deal:
    async with in_transaction():
        deal = await _locked_open_deal(deal_id)
        deal.status = status
        deal.closed_at = at or clock.now()
        deal.lost_reason = lost_reason
        await deal.save(update_fields=["status", "closed_at", "lost_reason", "updated_at"])
        change = await _record_change(deal, from_stage_id=deal.stage_id, changed_by=changed_by, at=deal.closed_at)
        event_type = events.DEAL_WON if status is DealStatus.WON else events.DEAL_LOST
        await record_event(
            event_type=event_type, payload=events.deal_closed(deal, change), idempotency_key=f"{event_type}:{deal.id}"
        )
    return deal


async def mark_deal_won(*, deal_id: uuid.UUID, changed_by: str, at: datetime | None = None) -> Deal:
    """Close an open deal as won, in its current stage, and record `sales.deal_won`."""
    return await _close_deal(deal_id, status=DealStatus.WON, changed_by=changed_by, at=at)


async def mark_deal_lost(*, deal_id: uuid.UUID, reason: str, changed_by: str, at: datetime | None = None) -> Deal:
    """Close an open deal as lost, with the reason."""
    reason = required_text(reason, field="reason", max_length=200)
    return await _close_deal(deal_id, status=DealStatus.LOST, changed_by=changed_by, at=at, lost_reason=reason)


def deal_stage_history(*, deal_id: uuid.UUID) -> QuerySet[DealStageChange]:
    """A deal's stage changes, oldest first."""
    return scoped(DealStageChange).filter(deal_id=deal_id).order_by("changed_at", "created_at")
