"""The exactly-once ledger and the limits that hold across workers."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from domain.bots import service as bots
from domain.bots.errors import BotsErrorCode
from domain.bots.models import BotPortalSession, IntentStatus
from domain.errors import DomainError
from tenants.context import tenant_transaction
from tenants.ownership import scoped

async def a_run() -> uuid.UUID:
    run = await bots.create_run(bot="bank.submit_payment", portal="bank", params={}, started_by="user:tester")
    return run.id


PAYMENT = bots.IntentInput(scope="bank.payment", key="pay-0001", digest="a" * 64, summary={"amount": "10.00"})


async def test_the_intent_is_recorded_before_the_submit_and_confirmed_after(tenant):
    async with tenant_transaction(tenant.id):
        run_id = await a_run()
        assert await bots.record_check(run_id=run_id, wanted=PAYMENT, found=None) is None
        intended = await bots.record_submit(run_id=run_id, wanted=PAYMENT)
        status_before_answer = intended.status
        await bots.confirm(run_id=run_id, wanted=PAYMENT, confirmation={"payment_id": "PAY-1"})
        stored = await bots.get_intent(scope="bank.payment", key="pay-0001")
    assert status_before_answer is IntentStatus.INTENDED and intended.submits == 1
    assert stored.status is IntentStatus.CONFIRMED and stored.confirmation == {"payment_id": "PAY-1"}


async def test_a_retry_that_finds_the_write_on_the_portal_confirms_the_open_intent(tenant):
    async with tenant_transaction(tenant.id):
        await bots.record_submit(run_id=await a_run(), wanted=PAYMENT)  # sent; the answer was lost
        confirmed = await bots.record_check(run_id=await a_run(), wanted=PAYMENT, found={"payment_id": "PAY-2"})
    assert confirmed.status is IntentStatus.CONFIRMED and confirmed.confirmation["found_on_portal"] is True


async def test_the_same_key_for_another_write_is_refused_before_the_portal_is_touched(tenant):
    async with tenant_transaction(tenant.id):
        await bots.record_submit(run_id=await a_run(), wanted=PAYMENT)
        other = bots.IntentInput(scope="bank.payment", key="pay-0001", digest="b" * 64, summary={"amount": "99.00"})
        with pytest.raises(DomainError) as refused:
            await bots.record_check(run_id=await a_run(), wanted=other, found=None)
    assert refused.value.code is BotsErrorCode.WRITE_KEY_REUSED


async def test_a_confirmed_write_the_portal_no_longer_shows_is_not_sent_again(tenant):
    async with tenant_transaction(tenant.id):
        await bots.confirm(run_id=await a_run(), wanted=PAYMENT, confirmation={"payment_id": "PAY-3"})
        with pytest.raises(DomainError) as contradiction:
            await bots.record_check(run_id=await a_run(), wanted=PAYMENT, found=None)
    assert contradiction.value.code is BotsErrorCode.LEDGER_CONTRADICTS_PORTAL


async def test_one_live_session_per_portal_login_across_workers(tenant):
    first, second = uuid.uuid4(), uuid.uuid4()
    login = {"portal": "bank", "credential_key": "c0ffee"}
    async with tenant_transaction(tenant.id):
        assert await bots.take_session(**login, run_id=first, lease_seconds=60)
        assert not await bots.take_session(**login, run_id=second, lease_seconds=60)
        await bots.release_session(**login, run_id=first)
        assert await bots.take_session(**login, run_id=second, lease_seconds=60)
        # A holder that stopped renewing (its worker died) loses the session when its lease runs out.
        await scoped(BotPortalSession).filter(**login).update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        assert await bots.take_session(**login, run_id=first, lease_seconds=60)


async def test_runs_on_one_portal_host_are_spaced_by_the_politeness_interval(db):
    origin = f"http://portal-{uuid.uuid4().hex[:8]}.example"
    starts = [await bots.reserve_start(origin=origin, interval_seconds=2.0) for _ in range(3)]
    gaps = [(later - earlier).total_seconds() for earlier, later in zip(starts, starts[1:])]
    assert all(gap >= 1.99 for gap in gaps), gaps
