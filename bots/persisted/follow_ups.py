"""After a stored run: a canary's comparison with the last good one, the evidence of a write, a paid order,
and what the run's result puts into the business data (bots.persisted.business_records)."""

from __future__ import annotations

import uuid

from bots.bot_definition import BotDefinition, BotParams
from bots.canary import CanaryReport
from bots.persisted.approvals import after_success
from bots.persisted.business_records import record_in_business_data
from bots.records import Artifact, ArtifactKind, RunOutcome, RunState, jsonable
from domain.bots import service as bots_service


def _file(artifact: Artifact | None, *, tenant_id: uuid.UUID, run_id: uuid.UUID) -> dict | None:
    if artifact is None:
        return None
    return {"path": f"{tenant_id}/{run_id}/{artifact.name}", "sha256": artifact.sha256, "size": artifact.size}


def receipt_of(outcome: RunOutcome) -> Artifact | None:
    """The portal's receipt: a downloaded document, else the screenshot taken when the write was confirmed."""
    downloads = outcome.artifacts_of(ArtifactKind.DOWNLOAD)
    if downloads:
        return downloads[-1]
    shots = [a for a in outcome.artifacts_of(ArtifactKind.SCREENSHOT) if "failed" not in a.name and "input" not in a.name]
    return shots[-1] if shots else None


async def follow_up(
    definition: BotDefinition, *, tenant_id: uuid.UUID, run_id: uuid.UUID, params: dict, outcome: RunOutcome, trace_id: str
) -> None:
    """Inside the run's tenant transaction, once the run has ended."""
    if definition.canary:
        report = outcome.result if isinstance(outcome.result, CanaryReport) else None
        await bots_service.record_canary(
            portal=definition.portal,
            run_id=run_id,
            expected=report.expected if report else None,
            seen=report.seen if report else None,
            error_code=outcome.error.code if outcome.error else None,
            error_details=outcome.error.details if outcome.error else None,
        )
    if outcome.state is not RunState.SUCCEEDED:
        return
    valid = definition.validate(params)
    if definition.makes_writes:
        await _append_evidence(definition, valid, tenant_id=tenant_id, run_id=run_id, outcome=outcome, trace_id=trace_id)
        await after_success(definition.name, valid, outcome.result)
    await record_in_business_data(definition.name, valid, outcome.result)


async def _append_evidence(
    definition: BotDefinition, valid: BotParams, *, tenant_id: uuid.UUID, run_id: uuid.UUID, outcome: RunOutcome, trace_id: str
) -> None:
    intent = valid.write_intent()  # type: ignore[attr-defined]
    recorded = await bots_service.get_intent(scope=intent.scope, key=intent.key)
    traces = outcome.artifacts_of(ArtifactKind.TRACE)
    await bots_service.append_evidence(
        subject=intent.subject,
        bot=definition.name,
        run_id=run_id,
        content={
            "submitted": jsonable(intent.summary),
            "confirmation": recorded.confirmation if recorded else None,
            "result": _result_without_files(outcome.result),
            "receipt": _file(receipt_of(outcome), tenant_id=tenant_id, run_id=run_id),
            "trace": {"trace_id": trace_id, **(_file(traces[-1], tenant_id=tenant_id, run_id=run_id) or {})},
        },
    )


def _result_without_files(result: object) -> dict:
    """The bot's result as data; its files are in `receipt`, by hash (absolute paths say nothing to an auditor)."""
    data = jsonable(result) if result is not None else {}
    return {key: value for key, value in data.items() if not (isinstance(value, dict) and "sha256" in value)}
