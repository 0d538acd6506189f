"""Bots queries."""

from __future__ import annotations

import strawberry

from api.bots.filters import BotPortalFilter, BotPortalOrder, BotRunFilter, BotRunOrder, PaymentOrderFilter, PaymentOrderOrder
from api.bots.types import BotPortalType, BotRunNode, PaymentOrderNode
from api.node_ids import decode_global_id
from api.ordering import apply_order
from api.pagination import Connection, paginate
from api.permissions import Requires
from domain.bots import service as bots_service
from domain.finance import service as finance_service
from tenants.permissions import Scope


@strawberry.type(name="BotEvidenceVerification", description="The result of recomputing the tenant's evidence chain.")
class EvidenceVerification:
    valid: bool
    records: int
    last_hash: str
    problems: list[str]


@strawberry.type
class BotsQuery:
    @strawberry.field(permission_classes=[Requires(Scope.BOTS_RUN)], description="The tenant's bot runs (newest first unless ordered).")
    async def bot_runs(
        self,
        filter: BotRunFilter | None = None,
        order_by: BotRunOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[BotRunNode]:
        query = (filter or BotRunFilter()).apply(bots_service.list_runs())
        query = apply_order(query, order_by, default=("-created_at", "-id"))
        return await paginate(query, BotRunNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=[Requires(Scope.BOTS_RUN)], description="One bot run by its global id, or null.")
    async def bot_run(self, id: strawberry.ID) -> BotRunNode | None:
        run = await bots_service.get_run(run_id=decode_global_id(id, expected_type="BotRun"))
        return BotRunNode.from_model(run) if run else None

    @strawberry.field(permission_classes=[Requires(Scope.BOTS_RUN)], description="The tenant's portals and their canaries' findings, by name unless ordered.")
    async def bot_portals(
        self,
        filter: BotPortalFilter | None = None,
        order_by: BotPortalOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[BotPortalType]:
        query = apply_order((filter or BotPortalFilter()).apply(bots_service.list_portals()), order_by, default=("portal", "id"))
        return await paginate(query, BotPortalType.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=[Requires(Scope.FINANCE_READ)], description="Payment orders to beneficiaries (paid by the bank bot after four-eyes approval), newest first unless ordered.")
    async def outgoing_payments(
        self,
        filter: PaymentOrderFilter | None = None,
        order_by: PaymentOrderOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[PaymentOrderNode]:
        query = (filter or PaymentOrderFilter()).apply(finance_service.list_payment_orders())
        query = apply_order(query, order_by, default=("-created_at", "-id"))
        return await paginate(query, PaymentOrderNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(
        permission_classes=[Requires(Scope.AUDIT_READ)],
        description="Recompute the tenant's evidence chain of filings and payments; any altered or missing record shows.",
    )
    async def verify_bot_evidence(self) -> EvidenceVerification:
        result = await bots_service.verify_chain()
        return EvidenceVerification(valid=result.valid, records=result.records, last_hash=result.last_hash, problems=result.problems)
