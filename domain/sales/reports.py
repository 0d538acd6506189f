"""Sales read models: pipeline value by stage, open pipeline value by customer."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from tortoise.functions import Count, Sum

from domain.aggregates import decimal_total
from domain.money import Money
from domain.sales.models import Deal, DealStatus
from domain.sales.pipelines import get_pipeline_or_raise, pipeline_stages
from tenants.ownership import scoped


@dataclass(frozen=True)
class StageValue:
    stage_id: uuid.UUID
    name: str
    position: int
    probability: int
    deal_count: int
    values: tuple[Money, ...]  # one per currency, by currency code

    @property
    def weighted_values(self) -> tuple[Money, ...]:
        """Each value times the stage's win probability, rounded per currency."""
        return tuple((value * Decimal(self.probability) * Decimal("0.01")).rounded() for value in self.values)


def _monies(totals: dict[str, Decimal]) -> tuple[Money, ...]:
    return tuple(Money(amount, currency) for currency, amount in sorted(totals.items()))


async def pipeline_value_by_stage(*, pipeline_id: uuid.UUID) -> list[StageValue]:
    """Open deals' count and value per stage of a pipeline, every stage listed in order (one aggregate query)."""
    pipeline = await get_pipeline_or_raise(pipeline_id=pipeline_id)
    rows = (
        await scoped(Deal)
        .filter(pipeline_id=pipeline.id, status=DealStatus.OPEN)
        .annotate(total=Sum("amount"), deals=Count("id"))
        .group_by("stage_id", "currency")
        .values("stage_id", "currency", "total", "deals")
    )
    counts: dict[uuid.UUID, int] = {}
    totals: dict[uuid.UUID, dict[str, Decimal]] = {}
    for row in rows:
        stage_id = uuid.UUID(str(row["stage_id"]))
        counts[stage_id] = counts.get(stage_id, 0) + row["deals"]
        totals.setdefault(stage_id, {})[row["currency"]] = decimal_total(row["total"])
    return [
        StageValue(
            stage_id=stage.id,
            name=stage.name,
            position=stage.position,
            probability=stage.probability,
            deal_count=counts.get(stage.id, 0),
            values=_monies(totals.get(stage.id, {})),
        )
        for stage in await pipeline_stages(pipeline_id=pipeline.id)
    ]


async def open_pipeline_value_by_customer(*, customer_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, tuple[Money, ...]]:
    """Open deals' value per customer (one Money per currency), for a batch of customers in one query."""
    rows = (
        await scoped(Deal)
        .filter(customer_id__in=list(customer_ids), status=DealStatus.OPEN)
        .annotate(total=Sum("amount"))
        .group_by("customer_id", "currency")
        .values("customer_id", "currency", "total")
    )
    totals: dict[uuid.UUID, dict[str, Decimal]] = {}
    for row in rows:
        totals.setdefault(uuid.UUID(str(row["customer_id"])), {})[row["currency"]] = decimal_total(row["total"])
    return {customer_id: _monies(totals.get(customer_id, {})) for customer_id in customer_ids}
