"""Canaries on a schedule, in real Chromium: a slot of `bots.portal_canaries` queues a dry run per configured
portal, a worker runs them, and a changed layout reaches a `portalChanged` subscriber before a real run fails.

Scheduler slot → outbox → relay → `automation.run_scheduled_job` → `request_canaries` → `bots.run_requested`
→ relay → `bots.start_run` → `run_bot`, each step through the in-process worker, under row-level security.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from api.context import RequestContext
from api.schema import build_schema
from domain.automation import schedules
from domain.automation import service as automation_service
from domain.bots import service as bots_service
from domain.bots.models import BotRun, LayoutStatus
from tenants.authentication import authenticate_api_key
from tenants.context import tenant_transaction
from tenants.ownership import scoped
from tests.bots.stored_runs import relaying_worker, stored  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.asyncio(loop_scope="session"),
    pytest.mark.parametrize("test_database", ["postgres"], indirect=True),
]


async def canaries_of_slot(stored, tenant, schedule, slot_at: datetime, *, expected: int) -> list[BotRun]:
    """Claim the slot as the scheduler would; wait until the scheduler's canaries, `expected` in all, have ended."""
    async with tenant_transaction(tenant.id):
        assert await schedules.claim_slot(schedule=schedule, slot_at=slot_at, claimed_by="test-scheduler")
    async with asyncio.timeout(90):
        while True:
            async with tenant_transaction(tenant.id):
                runs = await scoped(BotRun).filter(started_by="automation:scheduler").order_by("bot")
            if len(runs) == expected and all(run.status.is_final for run in runs):
                return runs
            await asyncio.sleep(0.2)


async def test_a_scheduled_canary_runs_per_portal_and_a_changed_layout_reaches_a_portal_changed_subscriber(
    stored, relaying_worker
):
    tenant = await stored.tenant("umbrella")
    async with tenant_transaction(tenant.id):
        schedule = await automation_service.create_schedule(
            name="Portal canaries", cron="0 6 * * *", job="bots.portal_canaries", params={"portals": ["bank", "tax"]}
        )
    context = RequestContext(request=None, response=None, principal=await authenticate_api_key(token=tenant.api_key))
    stream = await build_schema(stored.settings).subscribe("subscription { portalChanged { type payload } }", context_value=context)
    changed_event = asyncio.ensure_future(stream.__anext__())

    six_am = datetime.now(UTC).replace(hour=6, minute=0, second=0, microsecond=0) - timedelta(days=2)
    good = await canaries_of_slot(stored, tenant, schedule, six_am, expected=2)
    async with tenant_transaction(tenant.id):
        baseline = await bots_service.get_portal(portal="bank")
    stored.portals.states["bank"].switches.layout_changed = True
    changed = await canaries_of_slot(stored, tenant, schedule, six_am + timedelta(days=1), expected=4)
    received = await asyncio.wait_for(changed_event, 30)  # a subscription waits out the server-wide commit horizon
    await stream.aclose()
    async with tenant_transaction(tenant.id):
        bank, tax = await bots_service.get_portal(portal="bank"), await bots_service.get_portal(portal="tax")

    assert [(run.bot, run.status.value) for run in good] == [("bank.canary", "succeeded"), ("tax.canary", "succeeded")]
    assert baseline.layout_status is LayoutStatus.OK and "accounts" in baseline.canary_baseline
    assert not received.errors, received.errors
    event = received.data["portalChanged"]
    [bank_canary] = [run for run in changed if run.bot == "bank.canary" and run.id not in {r.id for r in good}]
    assert event["type"] == "bots.portal_changed" and event["payload"]["portal"] == "bank"
    assert event["payload"]["run_id"] == str(bank_canary.id)
    assert event["payload"]["missing"] == {"login": ["#login-button", "#password", "#username"]}
    assert bank.layout_status is LayoutStatus.CHANGED and tax.layout_status is LayoutStatus.OK
