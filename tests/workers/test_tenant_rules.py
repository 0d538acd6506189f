"""Tenant rules at work on the real Redis broker: an event reaches every enabled rule of its type,
each rule's run is logged once whether its condition held or not, and a webhook action is delivered
signed, retried while the receiver fails, and accepted once; a webhook the target policy refuses is
logged as failed and its delivery job fails at once, never retried."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from domain.automation import service as automation_service
from domain.automation.models import Job, JobStatus, RuleExecution
from domain.crm import service as crm_service
from domain.service import events as service_events
from domain.service import service as service_desk
from domain.service.models import Ticket
from infra.settings import get_settings
from tenants import vault
from tenants.context import tenant_transaction
from tenants.ownership import scoped
from tests.workers.harness import eventually, redis_worker
from workers.actors.events import deliver_webhook
from workers.enqueue import enqueue

SIGNING_KEY = "whsec-rules-test-4f1c"


@dataclass
class WebhookReceiver:
    """A tenant's endpoint on loopback: answers 500 to the first `failures` deliveries, then 200."""

    failures: int
    deliveries: list[dict] = field(default_factory=list)

    @property
    def accepted(self) -> list[dict]:
        return [delivery for delivery in self.deliveries if delivery["status"] == 200]


@pytest.fixture
def receiver() -> Iterator[tuple[WebhookReceiver, str]]:
    state = WebhookReceiver(failures=2)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            status = 500 if len(state.deliveries) < state.failures else 200
            state.deliveries.append({"status": status, "headers": dict(self.headers), "body": body})
            self.send_response(status)
            self.end_headers()

        def log_message(self, *args) -> None:  # keep the test's output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield state, f"http://127.0.0.1:{server.server_port}/hooks/concord"
    finally:
        server.shutdown()


@pytest.fixture
def loopback_receivers_allowed(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """The receivers here listen on 127.0.0.1, which webhooks may reach only by the explicit opt-in."""
    monkeypatch.delenv("CONCORD_ENVIRONMENT", raising=False)
    monkeypatch.setenv("CONCORD_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1")
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def test_database(postgres_database):
    """PostgreSQL only: the production pair of database and broker, with row-level security on."""
    return postgres_database


@pytest.fixture
async def worker(db):
    async with redis_worker(db) as running:
        yield running


def signed_correctly(delivery: dict) -> bool:
    """Checks `Concord-Signature: t=<time>,v1=<hex>` as a receiver would: HMAC-SHA256 over "<time>." + body."""
    parts = dict(part.split("=", 1) for part in delivery["headers"]["Concord-Signature"].split(","))
    expected = hmac.new(SIGNING_KEY.encode(), f"{parts['t']}.".encode() + delivery["body"], hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


async def test_each_rule_runs_once_per_event_and_its_webhook_is_signed_retried_and_accepted_once(
    worker, tenant, receiver, loopback_receivers_allowed
):
    endpoint, url = receiver
    async with tenant_transaction(tenant.id):
        await vault.set_secret(keys=vault.VaultKeys.from_settings(get_settings()), name="hooks", kind="signing_key", value=SIGNING_KEY)
        urgent_to_webhook = await automation_service.create_rule(
            name="Urgent tickets to the on-call hook", event_type=service_events.TICKET_OPENED, saved_by="ana",
            condition={"field": "priority", "op": "eq", "value": "urgent"},
            action={"type": "call_webhook", "params": {"url": url, "secret": "hooks"}},
        )
        low_raised = await automation_service.create_rule(
            name="No ticket stays low", event_type=service_events.TICKET_OPENED, saved_by="ana",
            condition={"field": "priority", "op": "eq", "value": "low"},
            action={"type": "set_field", "params": {"field": "ticket.priority", "value": "normal"}},
        )
        customer = await crm_service.create_customer(name="Rules Customer")
        urgent = await service_desk.open_ticket(
            customer_id=customer.id, subject="Line down", channel=crm_service.Channel.PHONE, opened_by="ana",
            priority=service_desk.Priority.URGENT,
        )
        low = await service_desk.open_ticket(
            customer_id=customer.id, subject="Typo on invoice", channel=crm_service.Channel.EMAIL, opened_by="ana",
            priority=service_desk.Priority.LOW,
        )

    async def executions():
        async with tenant_transaction(tenant.id):
            rows = await scoped(RuleExecution).all().values("rule_id", "matched", "outcome", "detail")
        return rows if len(rows) == 4 else None

    logged = await eventually(executions, what="a logged run of each rule for each opened ticket")
    await eventually(lambda: asyncio.sleep(0, endpoint.accepted), timeout=40, what="the webhook's accepted delivery")
    await asyncio.sleep(1)  # room for a duplicate delivery to show up, if there were one
    async with tenant_transaction(tenant.id):
        low_now = await scoped(Ticket).get(id=low.id)

    outcomes = sorted((row["rule_id"] == urgent_to_webhook.id, row["matched"], row["outcome"]) for row in logged)
    assert outcomes == [(False, False, "skipped"), (False, True, "applied"), (True, False, "skipped"), (True, True, "applied")]
    assert str(low_now.priority) == "normal"
    assert [delivery["status"] for delivery in endpoint.deliveries] == [500, 500, 200]
    assert len({delivery["headers"]["Idempotency-Key"] for delivery in endpoint.deliveries}) == 1
    assert all(signed_correctly(delivery) for delivery in endpoint.deliveries)
    assert not any("traceparent" in {name.lower() for name in delivery["headers"]} for delivery in endpoint.deliveries)
    sent = json.loads(endpoint.accepted[0]["body"])
    assert sent["event_type"] == service_events.TICKET_OPENED
    assert sent["payload"]["ticket_id"] == str(urgent.id) and sent["rule"]["id"] == str(urgent_to_webhook.id)
    assert SIGNING_KEY not in endpoint.accepted[0]["body"].decode()
    assert low_raised.version == 1


async def test_a_webhook_the_target_policy_refuses_is_logged_failed_and_its_job_fails_at_once(
    worker, tenant, receiver, loopback_receivers_allowed
):
    endpoint, url = receiver
    async with tenant_transaction(tenant.id):
        await vault.set_secret(keys=vault.VaultKeys.from_settings(get_settings()), name="hooks", kind="signing_key", value=SIGNING_KEY)
        rule = await automation_service.create_rule(
            name="Every ticket to the local hook", event_type=service_events.TICKET_OPENED, saved_by="ana",
            action={"type": "call_webhook", "params": {"url": url, "secret": "hooks"}},
        )
    # The opt-in is withdrawn: the saved rule and a delivery already queued must not reach loopback.
    loopback_receivers_allowed.delenv("CONCORD_WEBHOOK_ALLOWED_HOSTS")
    get_settings.cache_clear()
    async with tenant_transaction(tenant.id):
        queued = await enqueue(deliver_webhook, url, "hooks", {"event_id": "queued"}, idempotency_key="queued-before-the-change")
        customer = await crm_service.create_customer(name="Policy Customer")
        await service_desk.open_ticket(
            customer_id=customer.id, subject="Line down", channel=crm_service.Channel.PHONE, opened_by="ana",
            priority=service_desk.Priority.URGENT,
        )

    async def logged():
        async with tenant_transaction(tenant.id):
            return await scoped(RuleExecution).filter(rule_id=rule.id).first()

    async def failed():
        async with tenant_transaction(tenant.id):
            return await scoped(Job).filter(message_id=queued.message_id, status=JobStatus.FAILED).first()

    execution = await eventually(logged, what="the rule's logged run")
    job = await eventually(failed, what="the refused delivery's job to fail")
    await asyncio.sleep(1)  # room for a retry to show up, if there were one

    assert (execution.matched, execution.outcome) == (True, "failed")
    assert (execution.detail["code"], execution.detail["field"]) == ("WEBHOOK_TARGET_REFUSED", "action.params.url")
    assert job.attempts == 1 and job.last_error.startswith("WebhookTargetRefused: ")
    assert worker.counter.deliveries.get("deliver_webhook") == 1
    assert endpoint.deliveries == []
