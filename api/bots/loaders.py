"""Bots DataLoaders: a page of runs loads its steps, artifacts and open questions in one query each."""

from __future__ import annotations

import uuid

from api.context import Info
from api.loaders import grouped, loader_for
from domain.bots import service as bots_service
from domain.bots.models import BotArtifact, BotInputRequest, BotRunStep
from domain.finance import service as finance_service
from domain.finance.payment_orders.models import PaymentApproval


def steps_by_run(info: Info):
    async def batch(run_ids: list[uuid.UUID]) -> list[list[BotRunStep]]:
        return grouped(await bots_service.steps_of(run_ids=run_ids), run_ids, lambda row: row.run_id)

    return loader_for(info, "bots.steps_by_run", batch)


def artifacts_by_run(info: Info):
    async def batch(run_ids: list[uuid.UUID]) -> list[list[BotArtifact]]:
        return grouped(await bots_service.artifacts_of(run_ids=run_ids), run_ids, lambda row: row.run_id)

    return loader_for(info, "bots.artifacts_by_run", batch)


def open_question_by_run(info: Info):
    async def batch(run_ids: list[uuid.UUID]) -> list[BotInputRequest | None]:
        groups = grouped(await bots_service.open_input_requests(run_ids=run_ids), run_ids, lambda row: row.run_id)
        return [rows[-1] if rows else None for rows in groups]

    return loader_for(info, "bots.open_question_by_run", batch)


def approvals_by_order(info: Info):
    async def batch(order_ids: list[uuid.UUID]) -> list[list[PaymentApproval]]:
        return grouped(await finance_service.approvals_of(order_ids=order_ids), order_ids, lambda row: row.order_id)

    return loader_for(info, "bots.approvals_by_order", batch)
