"""Bot runs as the tenant sees them: runs, their steps, artifacts and questions, portals, the exactly-once
ledger of writes, the evidence chain, and the limits that hold across workers."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from tenants.ownership import TenantOwnedModel


class RunStatus(StrEnum):
    """The same values as `bots.records.RunState`: a run's status is its runner state, persisted."""

    QUEUED = "queued"
    RUNNING = "running"
    WAITING_FOR_INPUT = "waiting_for_input"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        return self in (RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED)


class InputStatus(StrEnum):
    PENDING = "pending"
    ANSWERED = "answered"  # a person answered, the run has not taken the answer yet
    TAKEN = "taken"  # the run took the answer (and the vault forgot it)
    CLOSED = "closed"  # the run stopped asking (timed out, cancelled, ended)


class IntentStatus(StrEnum):
    INTENDED = "intended"  # recorded before the submit: the portal may or may not have it
    CONFIRMED = "confirmed"  # the portal confirmed it (or showed it done by an earlier attempt)
    NOT_SENT = "not_sent"  # the attempt ended before anything was sent


class LayoutStatus(StrEnum):
    UNKNOWN = "unknown"
    OK = "ok"
    CHANGED = "changed"


class BotRun(TenantOwnedModel):
    """One run of a bot for the tenant: params (never secrets), state, error, lease and checkpoint."""

    bot = fields.CharField(max_length=80)
    portal = fields.CharField(max_length=20)
    status = fields.CharEnumField(RunStatus, max_length=24, default=RunStatus.QUEUED)
    params = fields.JSONField(default=dict)
    result = fields.JSONField(null=True)
    error_code = fields.CharField(max_length=40, null=True)
    error_message = fields.TextField(null=True)
    error_step = fields.CharField(max_length=120, null=True)
    error_details = fields.JSONField(null=True)
    started_by = fields.CharField(max_length=120)
    trace_id = fields.CharField(max_length=32, null=True)
    idempotency_key = fields.CharField(max_length=160, null=True)  # the write it makes at most once, if any
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    executions = fields.IntField(default=0)  # how many times a worker took it up (more than one: resumed)
    lease_owner = fields.CharField(max_length=120, null=True)
    lease_expires_at = fields.DatetimeField(null=True)
    heartbeat_at = fields.DatetimeField(null=True)
    cancel_requested_at = fields.DatetimeField(null=True)
    checkpoint = fields.JSONField(default=list)  # the steps completed so far, in order

    class Meta:
        table = "bots_runs"
        indexes = (("tenant_id", "status", "created_at"), ("tenant_id", "bot", "created_at"))


class BotRunStep(TenantOwnedModel):
    """One attempt at one step of a bot run."""

    run: fields.ForeignKeyRelation[BotRun] = fields.ForeignKeyField(
        "concord.BotRun", related_name="steps", on_delete=fields.CASCADE
    )
    run_id: object
    position = fields.IntField()
    execution = fields.IntField(default=1)
    name = fields.CharField(max_length=120)
    attempt = fields.IntField()
    status = fields.CharField(max_length=16)
    idempotent = fields.BooleanField(default=False)
    started_at = fields.DatetimeField()
    finished_at = fields.DatetimeField(null=True)
    url = fields.CharField(max_length=500, default="")
    error_code = fields.CharField(max_length=40, null=True)
    error_message = fields.TextField(null=True)

    class Meta:
        table = "bots_run_steps"
        unique_together = (("tenant_id", "run_id", "position"),)


class BotArtifact(TenantOwnedModel):
    """A file a bot run left behind: a screenshot, the trace, a download or the step log."""

    run: fields.ForeignKeyRelation[BotRun] = fields.ForeignKeyField(
        "concord.BotRun", related_name="artifacts", on_delete=fields.CASCADE
    )
    run_id: object
    kind = fields.CharField(max_length=16)
    name = fields.CharField(max_length=200)  # within the run's directory, e.g. downloads/receipt.pdf
    path = fields.CharField(max_length=500)  # within the artifacts root, <tenant>/<run>/<name>
    sha256 = fields.CharField(max_length=64)
    size = fields.BigIntField()
    step = fields.CharField(max_length=120, null=True)

    class Meta:
        table = "bots_artifacts"
        unique_together = (("tenant_id", "run_id", "name"),)


class BotInputRequest(TenantOwnedModel):
    """A question a run asked a person (a one-time code), and whether it was answered. The answer sits in the vault."""

    run: fields.ForeignKeyRelation[BotRun] = fields.ForeignKeyField(
        "concord.BotRun", related_name="input_requests", on_delete=fields.CASCADE
    )
    run_id: object
    prompt = fields.TextField()
    step = fields.CharField(max_length=120, null=True)
    status = fields.CharEnumField(InputStatus, max_length=16, default=InputStatus.PENDING)
    asked_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    answered_at = fields.DatetimeField(null=True)
    answered_by = fields.CharField(max_length=120, null=True)

    class Meta:
        table = "bots_input_requests"
        indexes = (("tenant_id", "run_id", "status"),)


class BotPortal(TenantOwnedModel):
    """Where one of the tenant's portals is, and what its last canary saw of it."""

    portal = fields.CharField(max_length=20)
    base_url = fields.CharField(max_length=500)  # absolute, or a path on this Concord server (its sandbox portals)
    layout_status = fields.CharEnumField(LayoutStatus, max_length=16, default=LayoutStatus.UNKNOWN)
    canary_baseline = fields.JSONField(null=True)  # page -> the elements the last good canary found
    canary_checked_at = fields.DatetimeField(null=True)
    canary_run_id = fields.UUIDField(null=True)

    class Meta:
        table = "bots_portals"
        unique_together = (("tenant_id", "portal"),)


class BotPortalSession(TenantOwnedModel):
    """The live session of one portal login: one run at a time holds it, whichever worker runs it."""

    portal = fields.CharField(max_length=20)
    credential_key = fields.CharField(max_length=64)
    holder_run_id = fields.UUIDField(null=True)
    expires_at = fields.DatetimeField(null=True)

    class Meta:
        table = "bots_portal_sessions"
        unique_together = (("tenant_id", "portal", "credential_key"),)


class BotPortalPacing(Model):
    """When the next run may start on a portal host: shared by all tenants and workers, it holds no tenant data."""

    id = fields.CharField(max_length=64, primary_key=True)  # sha256 of the portal's origin
    next_start_at = fields.DatetimeField()

    class Meta:
        table = "bots_portal_pacing"


class BotWriteIntent(TenantOwnedModel):
    """A write a bot makes exactly once (a payment, a filing, an order), recorded before it is sent."""

    scope = fields.CharField(max_length=40)  # bank.payment, tax.vat_return, supplier.purchase_order
    key = fields.CharField(max_length=120)
    digest = fields.CharField(max_length=64)  # of what is sent: the same key for something else is refused
    summary = fields.JSONField(default=dict)  # what is sent, no secrets
    status = fields.CharEnumField(IntentStatus, max_length=16, default=IntentStatus.INTENDED)
    run: fields.ForeignKeyNullableRelation[BotRun] = fields.ForeignKeyField(
        "concord.BotRun", related_name="write_intents", null=True, on_delete=fields.SET_NULL
    )
    run_id: object
    submits = fields.IntField(default=0)  # how many times a submit was started
    confirmation = fields.JSONField(null=True)
    confirmed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "bots_write_intents"
        unique_together = (("tenant_id", "scope", "key"),)


class BotEvidenceRecord(TenantOwnedModel):
    """A link of the tenant's evidence chain: one filing or payment, hashed together with the link before it."""

    sequence = fields.IntField()
    subject = fields.CharField(max_length=200)  # scope:key of the write
    bot_run_id = fields.UUIDField()  # not a foreign key: the chain outlives whatever happens to runs
    bot = fields.CharField(max_length=80)
    content = fields.JSONField()  # submitted, confirmation, receipt and trace hashes, recorded_at
    previous_hash = fields.CharField(max_length=64)
    record_hash = fields.CharField(max_length=64)

    class Meta:
        table = "bots_evidence_records"
        unique_together = (("tenant_id", "sequence"), ("tenant_id", "subject"))
