"""Bots in the graph: runs with their steps, artifacts (as download links) and questions; payment orders."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from api.bots import loaders
from api.bots.artifact_links import link_token
from api.context import Info
from api.loaders import resolve_node_rows
from api.money import Money
from domain.bots import service as bots_service
from domain.bots.models import BotArtifact, BotInputRequest, BotRun, BotRunStep
from domain.finance import service as finance_service
from domain.finance.payment_orders.models import PaymentApproval, PaymentOrder
from tenants.permissions import Scope


@strawberry.enum(name="BotRunStatus")
class BotRunStatus(Enum):
    QUEUED = "queued"
    RUNNING = "running"
    WAITING_FOR_INPUT = "waiting_for_input"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


@strawberry.enum(name="BotArtifactKind")
class BotArtifactKind(Enum):
    SCREENSHOT = "screenshot"
    TRACE = "trace"
    DOWNLOAD = "download"
    STEP_LOG = "step_log"


@strawberry.enum(name="OutgoingPaymentStatus")
class PaymentOrderStatus(Enum):
    AWAITING_APPROVAL = "awaiting_approval"
    APPROVED = "approved"
    SUBMITTED = "submitted"
    CANCELLED = "cancelled"


@strawberry.type(name="BotRunError", description="Why a run did not succeed: a stable code and a message safe to show.")
class BotRunError:
    code: str
    message: str
    step: str | None
    details: JSON | None


@strawberry.type(name="BotRunStep", description="One attempt at one step of a run (a retried step has one per attempt).")
class BotRunStepType:
    name: str
    attempt: int
    execution: int = strawberry.field(description="1, or more when a worker resumed the run after another stopped.")
    status: str
    idempotent: bool
    started_at: datetime
    finished_at: datetime | None
    url: str
    error: BotRunError | None

    @classmethod
    def from_model(cls, row: BotRunStep) -> BotRunStepType:
        error = BotRunError(code=row.error_code, message=row.error_message or "", step=row.name, details=None) if row.error_code else None
        return cls(
            name=row.name, attempt=row.attempt, execution=row.execution, status=row.status, idempotent=row.idempotent,
            started_at=row.started_at, finished_at=row.finished_at, url=row.url, error=error,
        )


@strawberry.type(name="BotArtifact", description="A file a run left: screenshot, Playwright trace, download or step log.")
class BotArtifactType:
    kind: BotArtifactKind
    name: str
    sha256: str
    size: int
    step: str | None
    row: strawberry.Private[BotArtifact]

    @classmethod
    def from_model(cls, row: BotArtifact) -> BotArtifactType:
        return cls(kind=BotArtifactKind(row.kind), name=row.name, sha256=row.sha256, size=row.size, step=row.step, row=row)

    @strawberry.field(description="A download link for this tenant's artifact, valid for 15 minutes; anything else answers 404.")
    def url(self, info: Info) -> str:
        token = link_token(
            tenant_id=self.row.tenant_id, run_id=self.row.run_id, artifact_id=self.row.id,
            secret_key=info.context.settings.secret_key.get_secret_value(),
        )
        return f"{str(info.context.request.base_url).rstrip('/')}/artifacts/{token}"


@strawberry.type(name="BotInputRequest", description="A question the run waits on (answer it with provideBotInput).")
class BotInputRequestType:
    prompt: str
    step: str | None
    status: str
    asked_at: datetime
    expires_at: datetime

    @classmethod
    def from_model(cls, row: BotInputRequest) -> BotInputRequestType:
        return cls(prompt=row.prompt, step=row.step, status=str(row.status), asked_at=row.asked_at, expires_at=row.expires_at)


@strawberry.type(name="BotRun", description="A run of an RPA bot against a portal: its state, steps, artifacts and outcome.")
class BotRunNode(relay.Node):
    read_scope = Scope.BOTS_RUN

    id: relay.NodeID[str]
    bot: str
    portal: str
    status: BotRunStatus
    params: JSON
    result: JSON | None
    started_by: str
    trace_id: str | None = strawberry.field(description="The OpenTelemetry trace of the run, for Jaeger or Tempo.")
    executions: int
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    cancel_requested: bool
    error: BotRunError | None

    @classmethod
    def from_model(cls, row: BotRun) -> BotRunNode:
        error = None
        if row.error_code:
            error = BotRunError(code=row.error_code, message=row.error_message or "", step=row.error_step, details=row.error_details)
        return cls(
            id=str(row.id), bot=row.bot, portal=row.portal, status=BotRunStatus(str(row.status)), params=row.params,
            result=row.result, started_by=row.started_by, trace_id=row.trace_id, executions=row.executions,
            created_at=row.created_at, started_at=row.started_at, finished_at=row.finished_at,
            cancel_requested=row.cancel_requested_at is not None, error=error,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: bots_service.get_runs(run_ids=ids), node_ids)

    @strawberry.field(description="Every step attempt, in the order they happened.")
    async def steps(self, info: Info) -> list[BotRunStepType]:
        return [BotRunStepType.from_model(row) for row in await loaders.steps_by_run(info).load(uuid.UUID(self.id))]

    @strawberry.field(description="The run's files, each with a short-lived download link.")
    async def artifacts(self, info: Info) -> list[BotArtifactType]:
        return [BotArtifactType.from_model(row) for row in await loaders.artifacts_by_run(info).load(uuid.UUID(self.id))]

    @strawberry.field(description="The question the run waits on, if it does.")
    async def input_request(self, info: Info) -> BotInputRequestType | None:
        row = await loaders.open_question_by_run(info).load(uuid.UUID(self.id))
        return BotInputRequestType.from_model(row) if row else None


@strawberry.type(name="OutgoingPaymentApproval", description="A second person's approval, bound to the order's key, payee and amount.")
class PaymentApprovalType:
    approved_by: str
    amount: Money
    approved_at: datetime
    voided_at: datetime | None
    void_reason: str | None

    @classmethod
    def from_model(cls, row: PaymentApproval) -> PaymentApprovalType:
        return cls(
            approved_by=row.approved_by, amount=Money.of(row.amount, row.currency), approved_at=row.created_at,
            voided_at=row.voided_at, void_reason=row.void_reason,
        )


@strawberry.type(name="OutgoingPayment", description="A payment order to a beneficiary: the bank bot pays it only after a second person approved it.")
class PaymentOrderNode(relay.Node):
    read_scope = Scope.FINANCE_READ

    id: relay.NodeID[str]
    beneficiary: str
    iban: str
    amount: Money
    reference: str
    idempotency_key: str = strawberry.field(description="Pass it to bank.submit_payment; the same for every attempt.")
    status: PaymentOrderStatus
    requested_by: str
    bank_payment_id: str | None
    created_at: datetime

    @classmethod
    def from_model(cls, row: PaymentOrder) -> PaymentOrderNode:
        return cls(
            id=str(row.id), beneficiary=row.beneficiary, iban=row.iban, amount=Money.of(row.amount, row.currency),
            reference=row.reference, idempotency_key=row.idempotency_key, status=PaymentOrderStatus(str(row.status)),
            requested_by=row.requested_by, bank_payment_id=row.bank_payment_id, created_at=row.created_at,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: finance_service.get_payment_orders(order_ids=ids), node_ids)

    @strawberry.field(description="Approvals, oldest first; a changed amount voids them.")
    async def approvals(self, info: Info) -> list[PaymentApprovalType]:
        return [PaymentApprovalType.from_model(row) for row in await loaders.approvals_by_order(info).load(uuid.UUID(self.id))]


@strawberry.type(name="BotPortal", description="Where one of the tenant's portals is, and what its last canary saw.")
class BotPortalType:
    portal: str
    base_url: str = strawberry.field(description="An http(s) URL, or a path on this server (its sandbox portals).")
    layout_status: str = strawberry.field(description="unknown, ok or changed (elements the bots rely on went missing).")
    canary_checked_at: datetime | None

    @classmethod
    def from_model(cls, row: Any) -> BotPortalType:
        return cls(portal=row.portal, base_url=row.base_url, layout_status=str(row.layout_status), canary_checked_at=row.canary_checked_at)
