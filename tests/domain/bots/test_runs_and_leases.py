"""Stored runs: queued once per write, claimed by one worker at a time, resumed after a dead worker, fenced writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.bots import service as bots
from domain.bots.errors import BotsErrorCode
from domain.bots.models import BotRun, InputStatus, RunStatus
from domain.errors import DomainError
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import scoped
from tenants.vault import VaultKeys

KEYS = VaultKeys(current="test-secret-key-for-the-vault-0123456789")


async def queued(**overrides) -> BotRun:
    values = {"bot": "bank.download_statements", "portal": "bank", "params": {"date_from": "2026-01-01", "date_to": "2026-01-31"}, "started_by": "user:tester"}
    return await bots.create_run(**{**values, **overrides})


async def test_a_queued_run_is_announced_for_subscribers_and_for_a_worker(tenant):
    async with tenant_transaction(tenant.id):
        run = await queued()
        events = [
            event.event_type for event in await scoped(OutboxEvent).all() if event.payload.get("run_id") == str(run.id)
        ]
    assert run.status is RunStatus.QUEUED and run.executions == 0
    assert sorted(events) == ["bots.run_requested", "bots.run_updated"]


async def test_one_claim_takes_the_run_and_a_second_delivery_finds_it_held(tenant):
    async with tenant_transaction(tenant.id):
        run = await queued()
        first = await bots.claim_run(run_id=run.id, owner="worker-a:1", lease_seconds=60)
        second = await bots.claim_run(run_id=run.id, owner="worker-b:1", lease_seconds=60)
    assert first.outcome is bots.ClaimOutcome.TAKEN and first.run.executions == 1 and not first.resumed
    assert second.outcome is bots.ClaimOutcome.HELD and second.held_until > datetime.now(UTC)


async def test_a_run_whose_worker_died_is_resumed_by_the_next_claim(tenant):
    async with tenant_transaction(tenant.id):
        run = await queued()
        await bots.claim_run(run_id=run.id, owner="dead-worker:1", lease_seconds=60)
        await bots.record_state(run_id=run.id, owner="dead-worker:1", status=RunStatus.RUNNING, at=datetime.now(UTC))
        await scoped(BotRun).filter(id=run.id).update(lease_expires_at=datetime.now(UTC) - timedelta(seconds=1))
        resumed = await bots.claim_run(run_id=run.id, owner="worker-b:1", lease_seconds=60)
        stale_write = await bots.record_state(run_id=run.id, owner="dead-worker:1", status=RunStatus.FAILED, at=datetime.now(UTC))
        stored = await bots.get_run(run_id=run.id)
    assert resumed.outcome is bots.ClaimOutcome.TAKEN and resumed.resumed and resumed.run.executions == 2
    assert stale_write is False, "a worker that lost the lease must not change the run"
    assert stored.status is RunStatus.RUNNING and stored.lease_owner == "worker-b:1"


async def test_a_finished_run_is_never_claimed_again(tenant):
    async with tenant_transaction(tenant.id):
        run = await queued()
        await bots.claim_run(run_id=run.id, owner="w:1", lease_seconds=60)
        await bots.record_state(run_id=run.id, owner="w:1", status=RunStatus.SUCCEEDED, at=datetime.now(UTC), result={"ok": True})
        await bots.release_run(run_id=run.id, owner="w:1")
        again = await bots.claim_run(run_id=run.id, owner="w:2", lease_seconds=60)
    assert again.outcome is bots.ClaimOutcome.FINISHED


async def test_cancelling_a_queued_run_ends_it_and_a_running_one_is_flagged_for_its_worker(tenant):
    async with tenant_transaction(tenant.id):
        waiting = await bots.request_cancel(run_id=(await queued()).id)
        running = await queued(bot="bank.canary", params={})
        await bots.claim_run(run_id=running.id, owner="w:1", lease_seconds=60)
        flagged = await bots.request_cancel(run_id=running.id)
        control = await bots.control_state(run_id=running.id, owner="w:1")
        with pytest.raises(DomainError) as finished:
            await bots.request_cancel(run_id=waiting.id)
    assert waiting.status is RunStatus.CANCELLED and waiting.error_code == "CANCELLED"
    assert flagged.status is RunStatus.QUEUED and control.cancel_requested
    assert finished.value.code is BotsErrorCode.RUN_FINISHED


async def test_a_second_live_run_of_the_same_write_is_refused(tenant):
    async with tenant_transaction(tenant.id):
        await queued(bot="bank.submit_payment", idempotency_key="bank.payment:key-0001")
        with pytest.raises(DomainError) as refused:
            await queued(bot="bank.submit_payment", idempotency_key="bank.payment:key-0001")
    assert refused.value.code is BotsErrorCode.IDEMPOTENCY_KEY_IN_USE


async def test_an_answer_waits_encrypted_until_the_run_takes_it_once(tenant):
    now = datetime.now(UTC)
    async with tenant_transaction(tenant.id):
        run = await queued()
        await bots.claim_run(run_id=run.id, owner="w:1", lease_seconds=60)
        await bots.record_state(run_id=run.id, owner="w:1", status=RunStatus.WAITING_FOR_INPUT, at=now)
        request = await bots.record_input_request(
            run_id=run.id, owner="w:1", prompt="Code?", step="login", asked_at=now, expires_at=now + timedelta(minutes=5)
        )
        await bots.provide_input(run_id=run.id, value="123456", answered_by="user:ops", keys=KEYS)
        control = await bots.control_state(run_id=run.id, owner="w:1")
        first = await bots.take_answer(request_id=request.id, keys=KEYS)
        second = await bots.take_answer(request_id=request.id, keys=KEYS)
        await request.refresh_from_db()
    assert control.answered_requests == [request.id]
    assert (first, second) == ("123456", None)
    assert request.status is InputStatus.TAKEN and request.answered_by == "user:ops"


async def test_input_for_a_run_that_is_not_waiting_is_refused(tenant):
    async with tenant_transaction(tenant.id):
        run = await queued()
        with pytest.raises(DomainError) as refused:
            await bots.provide_input(run_id=run.id, value="123456", answered_by="user:ops", keys=KEYS)
    assert refused.value.code is BotsErrorCode.NOT_WAITING_FOR_INPUT
