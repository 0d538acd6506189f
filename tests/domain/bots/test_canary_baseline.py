"""Canary findings: the first good canary is the baseline; elements gone since record `bots.portal_changed`."""

from __future__ import annotations

import uuid

from domain.bots import service as bots
from domain.bots.models import LayoutStatus
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import scoped

EXPECTED = {"login": ["#username", "#password", "#login-button"], "accounts": ["#accounts-table"]}


async def test_a_good_canary_sets_the_baseline_and_a_missing_element_is_a_change(tenant):
    async with tenant_transaction(tenant.id):
        await bots.configure_portal(portal="bank", base_url="https://bank.example/online")
        good = await bots.record_canary(portal="bank", run_id=uuid.uuid4(), expected=EXPECTED, seen=EXPECTED)
        changed_seen = {"login": ["#password"]}  # the login form was renamed: the canary got no further
        changed = await bots.record_canary(portal="bank", run_id=uuid.uuid4(), expected=EXPECTED, seen=changed_seen)
        portal = await bots.get_portal(portal="bank")
        events = await scoped(OutboxEvent).filter(event_type="bots.portal_changed")
    assert not good.changed
    assert changed.changed and changed.missing == {"login": ["#login-button", "#username"]}
    assert portal.layout_status is LayoutStatus.CHANGED and portal.canary_baseline == EXPECTED
    assert [event.payload["missing"] for event in events] == [{"login": ["#login-button", "#username"]}]


async def test_a_canary_that_failed_on_a_changed_element_is_a_change_and_an_outage_is_not(tenant):
    async with tenant_transaction(tenant.id):
        await bots.configure_portal(portal="tax", base_url="/portals/tax")
        outage = await bots.record_canary(portal="tax", run_id=uuid.uuid4(), expected=None, seen=None, error_code="PORTAL_UNAVAILABLE")
        layout = await bots.record_canary(
            portal="tax", run_id=uuid.uuid4(), expected=None, seen=None, error_code="PORTAL_LAYOUT_CHANGED",
            error_details={"selector": "#totp", "page": "bank security code"},
        )
    assert not outage.changed
    assert layout.changed and layout.missing == {"bank security code": ["#totp"]}


async def test_scheduled_canaries_queue_one_per_configured_portal_and_skip_a_portal_whose_canary_is_live(tenant):
    from bots.persisted.canaries import request_canaries

    async with tenant_transaction(tenant.id):
        await bots.configure_portal(portal="bank", base_url="/portals/bank")
        await bots.configure_portal(portal="tax", base_url="/portals/tax")
        first = await request_canaries(started_by="automation:scheduler")
        second = await request_canaries(started_by="automation:scheduler")
        only_tax = await request_canaries(started_by="automation:scheduler", portals=["tax"])
    assert sorted(run.bot for run in first) == ["bank.canary", "tax.canary"]
    assert second == [] and only_tax == []
