"""The safety features in real Chromium: four eyes, the persisted exactly-once ledger, the evidence chain, canaries."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from bots import ArtifactKind
from bots.persisted import execute_run, start_bot_run
from domain.bots import service as bots_service
from domain.bots.models import IntentStatus, LayoutStatus
from domain.errors import DomainError
from domain.finance import service as finance
from domain.finance.payment_orders.models import PaymentOrderStatus
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import scoped
from tests.bots.stored_runs import StoredRuns, record, send_run, statement_params, stored, worker  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.asyncio(loop_scope="session"),
    pytest.mark.parametrize("test_database", ["postgres"], indirect=True),
]
IBAN = "NL91ABNA0417164300"
CLERK, CONTROLLER = uuid.uuid4(), uuid.uuid4()  # two persons: four eyes compares persons, not credentials


def payment_params(key: str) -> dict:
    return {"beneficiary": "Meridian Industrial Supply", "iban": IBAN, "amount": "412.50", "currency": "EUR", "reference": "SI-2026-55501", "idempotency_key": key}


async def approved_order(tenant, key: str) -> None:
    async with tenant_transaction(tenant.id):
        order = await finance.request_payment(
            beneficiary="Meridian Industrial Supply", iban=IBAN, amount=Decimal("412.50"), currency="EUR",
            reference="SI-2026-55501", requested_by="user:clerk", requester_person_id=CLERK, idempotency_key=key,
        )
        await finance.approve_payment(order_id=order.id, approved_by="user:controller", approver_person_id=CONTROLLER)


async def queue(tenant, bot: str, params: dict):
    async with tenant_transaction(tenant.id):
        return await start_bot_run(bot=bot, params=params, started_by="user:clerk")


def bank_payments(stored: StoredRuns, portal_tenant: str, key: str) -> list:
    return [p for p in stored.portals.states["bank"].customers[portal_tenant].payments if key in p.reference]


async def lose_the_authorisation_answer(context) -> None:
    """The bank takes the payment, and the bot never hears back."""

    async def forward_then_drop(route):
        if route.request.method != "POST":
            await route.fallback()
            return
        await route.fetch(max_redirects=0)
        await route.abort("connectionreset")

    await context.route("**/payments/drafts/*/authorise", forward_then_drop)


async def test_an_unapproved_payment_is_not_even_queued(stored):
    tenant = await stored.tenant("hooli")
    key = f"unapproved-{uuid.uuid4().hex[:8]}"
    async with tenant_transaction(tenant.id):
        await finance.request_payment(
            beneficiary="Meridian Industrial Supply", iban=IBAN, amount="412.50", currency="EUR", requested_by="user:clerk",
            idempotency_key=key,
        )
    with pytest.raises(DomainError) as refused:
        await queue(tenant, "bank.submit_payment", payment_params(key))
    assert str(refused.value.code) == "NOT_APPROVED"


async def test_a_lost_answer_then_retries_pay_exactly_once_through_the_persisted_ledger(stored, worker):
    tenant = await stored.tenant("hooli")
    key = f"ledger-{uuid.uuid4().hex[:12]}"
    await approved_order(tenant, key)

    first = await queue(tenant, "bank.submit_payment", payment_params(key))
    lost = await execute_run(stored.runtime, tenant_id=tenant.id, run_id=first.id, context_setup=lose_the_authorisation_answer)
    async with tenant_transaction(tenant.id):
        after_loss = await bots_service.get_intent(scope="bank.payment", key=key)
    retries = []
    for _ in range(2):  # the automation owner retries; then someone retries again for good measure
        retry = await queue(tenant, "bank.submit_payment", payment_params(key))
        send_run(tenant, retry.id)
        retries.append(await stored.until_final(tenant, retry.id))
    async with tenant_transaction(tenant.id):
        intent = await bots_service.get_intent(scope="bank.payment", key=key)
        order = await finance.list_payment_orders().get(idempotency_key=key)
        evidence = [record for record in await bots_service.evidence_records() if record.subject == f"bank.payment:{key}"]
        chain = await bots_service.verify_chain()

    [payment] = bank_payments(stored, "hooli", key)
    assert lost.run.error.code == "OUTCOME_UNKNOWN"
    assert after_loss.status is IntentStatus.INTENDED and after_loss.submits == 1, "recorded before the submit"
    assert [run.status.value for run in retries] == ["succeeded", "succeeded"]
    assert all(run.result["already_submitted"] and run.result["payment_id"] == payment.payment_id for run in retries)
    assert intent.status is IntentStatus.CONFIRMED and intent.submits == 1 and intent.confirmation["payment_id"] == payment.payment_id
    assert order.status is PaymentOrderStatus.SUBMITTED and order.bank_payment_id == payment.payment_id
    [entry] = evidence
    assert entry.content["submitted"]["amount"] == "412.50" and entry.content["confirmation"]["found_on_portal"] is True
    assert entry.content["trace"]["trace_id"] == retries[0].trace_id and len(entry.content["trace"]["sha256"]) == 64
    assert chain.valid


async def test_a_payment_leaves_evidence_of_what_was_sent_the_confirmation_the_receipt_and_the_trace(stored):
    tenant = await stored.tenant("hooli")
    key = f"evidence-{uuid.uuid4().hex[:10]}"
    await approved_order(tenant, key)

    run = await queue(tenant, "bank.submit_payment", payment_params(key))
    execution = await execute_run(stored.runtime, tenant_id=tenant.id, run_id=run.id)
    async with tenant_transaction(tenant.id):
        [entry] = [r for r in await bots_service.evidence_records() if r.subject == f"bank.payment:{key}"]
        chain = await bots_service.verify_chain()
        stored_run = await bots_service.get_run(run_id=run.id)

    record(stored_run)
    assert execution.run.state.value == "succeeded", execution.run.error
    receipt = execution.run.artifacts_of(ArtifactKind.SCREENSHOT)[-1]
    assert entry.content["confirmation"] == {"payment_id": execution.run.result.payment_id, "status": "Pending"}
    assert entry.content["receipt"]["sha256"] == receipt.sha256 and entry.content["receipt"]["path"].endswith(receipt.name)
    assert entry.content["trace"]["trace_id"] == stored_run.trace_id
    assert chain.valid and chain.last_hash == entry.record_hash


async def test_a_canary_notices_the_changed_layout_before_a_real_run_fails(stored):
    tenant = await stored.tenant("initech")
    good = await execute_run(stored.runtime, tenant_id=tenant.id, run_id=(await queue(tenant, "bank.canary", {})).id)
    stored.portals.states["bank"].switches.layout_changed = True
    changed = await execute_run(stored.runtime, tenant_id=tenant.id, run_id=(await queue(tenant, "bank.canary", {})).id)
    real = await execute_run(
        stored.runtime, tenant_id=tenant.id, run_id=(await queue(tenant, "bank.download_statements", statement_params(stored))).id
    )
    async with tenant_transaction(tenant.id):
        portal = await bots_service.get_portal(portal="bank")
        [event] = await scoped(OutboxEvent).filter(event_type="bots.portal_changed")

    assert good.run.state.value == "succeeded" and good.run.result.missing == {}
    assert set(good.run.result.seen) == {"login", "accounts", "payments", "payment form"}
    assert changed.run.state.value == "succeeded" and not changed.run.result.logged_in
    assert event.payload["missing"] == {"login": ["#login-button", "#password", "#username"]}
    assert portal.layout_status is LayoutStatus.CHANGED and "accounts" in portal.canary_baseline
    assert real.run.error.code == "PORTAL_LAYOUT_CHANGED"
    assert event.created_at < real.run.finished_at, "the canary told before a real run failed"
