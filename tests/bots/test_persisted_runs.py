"""Persisted runs end to end in real Chromium: startBotRun → outbox → worker → runner → database → graph.

The whole path through the outbox and the automation dispatch runs here on SQLite, and on PostgreSQL
in test_run_trace_and_updates.py and test_scheduled_canaries.py. The worker's own part runs on PostgreSQL,
under the application role with row-level security on, with the run's message sent as the dispatch would.
"""

from __future__ import annotations

import asyncio

import httpx
import pyotp
import pytest

from bots.persisted import start_bot_run
from domain.automation.models import Job
from domain.bots import service as bots_service
from domain.outbox.models import OutboxEvent
from tenants import lifecycle
from tenants.context import tenant_transaction
from tenants.ownership import scoped
from tenants.vault import set_secret
from tests.bots.stored_runs import global_id, record, row_id, send_run, statement_params, stored, worker  # noqa: F401
from infra.metrics import REGISTRY
from tests.conftest import graphql_client, make_tenant
from workers.middleware import TenantContext

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]
ON_SQLITE = pytest.mark.parametrize("test_database", ["sqlite"], indirect=True)
ON_POSTGRES = pytest.mark.parametrize("test_database", ["postgres"], indirect=True)

START = """
mutation($input: StartBotRunInput!) { startBotRun(input: $input) { botRun { id status } userErrors { field message code } } }
"""
RUN = """
query($id: ID!) {
  botRun(id: $id) {
    status traceId executions
    steps { name attempt status startedAt finishedAt }
    artifacts { kind name url }
    error { code message }
    inputRequest { prompt }
  }
}
"""


@ON_SQLITE
async def test_start_bot_run_reaches_a_worker_and_the_run_is_stored_with_steps_and_artifacts(stored, worker):
    tenant = await stored.tenant("acme")
    async with graphql_client(stored.settings) as client:
        started = await client.execute(
            START, {"input": {"bot": "bank.download_statements", "params": statement_params(stored)}}, api_key=tenant.api_key
        )
        run_id = row_id(started["startBotRun"]["botRun"]["id"])
        queued = await stored.run(tenant, run_id)
        await worker.relay()
        finished = await stored.until_final(tenant, run_id)
        data = (await client.execute(RUN, {"id": global_id(run_id)}, api_key=tenant.api_key))["botRun"]
        csv = next(a for a in data["artifacts"] if a["kind"] == "DOWNLOAD")
        download = await client.http.get(httpx.URL(csv["url"]).path)
    async with tenant_transaction(tenant.id):
        updates = await scoped(OutboxEvent).filter(event_type="bots.run_updated").order_by("created_at")

    record(finished)
    assert data["status"] == "SUCCEEDED", data["error"]
    assert data["executions"] == 1
    assert [(step["name"], step["status"]) for step in data["steps"]] == [
        ("login", "succeeded"), ("choose account", "succeeded"), ("download statement", "succeeded"),
    ]  # fmt: skip
    assert {a["kind"] for a in data["artifacts"]} == {"DOWNLOAD", "TRACE", "STEP_LOG"}
    assert download.status_code == 200 and download.text.startswith("date,description,reference,amount,balance")
    assert finished.result["iban"] and len(finished.result["lines"]) > 0
    # The run's spans continue the trace of the mutation that asked for it, through outbox, relay and worker.
    assert data["traceId"] == queued.trace_id
    changes = [event.payload["change"] for event in updates]
    assert changes[0] == "state" and "step" in changes and "artifact" in changes
    assert [event.payload["status"] for event in updates][-1] == "succeeded"


@ON_POSTGRES
async def test_a_redelivered_run_message_does_not_run_the_bot_twice(stored, worker):
    tenant = await stored.tenant("globex")
    async with tenant_transaction(tenant.id):
        run = await start_bot_run(bot="bank.download_statements", params=statement_params(stored), started_by="user:test")
    # The same message three times: a consumer_timeout redelivery and a retry racing the first delivery.
    for _ in range(3):
        send_run(tenant, run.id)
    finished = await stored.until_final(tenant, run.id)
    await asyncio.sleep(2.5)  # the held deliveries look again once, find the run ended, and stop
    after = await stored.run(tenant, run.id)
    send_run(tenant, run.id)  # and once more, much later
    await asyncio.sleep(1)
    async with tenant_transaction(tenant.id):
        steps = await bots_service.steps_of(run_ids=[run.id])

    record(finished)
    assert finished.status.value == "succeeded" and after.executions == 1
    assert [(step.name, step.attempt) for step in steps] == [("login", 1), ("choose account", 1), ("download statement", 1)]
    assert (await stored.run(tenant, run.id)).updated_at == after.updated_at


@ON_POSTGRES
async def test_cancel_and_input_reach_the_worker_that_owns_the_run_and_one_login_runs_once_at_a_time(stored, worker):
    tenant = await stored.tenant("umbrella", with_totp_seed=False)  # the bank login then asks a person for the code
    seed = stored.portals.account("bank", "umbrella").totp_seed
    params = {"input": {"bot": "bank.download_statements", "params": statement_params(stored)}}
    async with graphql_client(stored.settings) as client:
        answered = row_id((await client.execute(START, params, api_key=tenant.api_key))["startBotRun"]["botRun"]["id"])
        cancelled = row_id((await client.execute(START, params, api_key=tenant.api_key))["startBotRun"]["botRun"]["id"])
        send_run(tenant, answered)
        await stored.until(tenant, answered, "waiting_for_input")
        send_run(tenant, cancelled)
        await asyncio.sleep(1.0)
        second_while_first_holds_the_login = (await stored.run(tenant, cancelled)).status.value
        question = (await client.execute(RUN, {"id": global_id(answered)}, api_key=tenant.api_key))["botRun"]["inputRequest"]
        await client.execute(
            "mutation($input: ProvideBotInputInput!) { provideBotInput(input: $input) { userErrors { code } } }",
            {"input": {"runId": global_id(answered), "value": pyotp.TOTP(seed).now()}}, api_key=tenant.api_key,
        )
        succeeded = await stored.until_final(tenant, answered)
        await stored.until(tenant, cancelled, "waiting_for_input")
        await client.execute(
            "mutation($input: CancelBotRunInput!) { cancelBotRun(input: $input) { userErrors { code } } }",
            {"input": {"id": global_id(cancelled)}}, api_key=tenant.api_key,
        )
        stopped = await stored.until_final(tenant, cancelled)

    assert "6-digit code" in question["prompt"]
    assert second_while_first_holds_the_login == "queued", "one live session per portal login"
    assert succeeded.status.value == "succeeded", succeeded.error_message
    assert stopped.status.value == "cancelled" and stopped.error_code == "CANCELLED" and stopped.error_step == "login"


@ON_POSTGRES
async def test_a_suspended_tenants_run_pauses_between_steps_and_resumes_when_it_is_active_again(stored, worker):
    tenant = await stored.tenant("initech", with_totp_seed=False)
    account = stored.portals.account("bank", "initech")
    async with tenant_transaction(tenant.id):
        run = await start_bot_run(bot="bank.download_statements", params=statement_params(stored), started_by="user:test")
    send_run(tenant, run.id)
    await stored.until(tenant, run.id, "waiting_for_input")
    await lifecycle.suspend_tenant(slug=tenant.slug)
    await asyncio.sleep(1.5)  # the worker's heartbeat notices the suspension
    async with tenant_transaction(tenant.id):
        await bots_service.provide_input(run_id=run.id, value=pyotp.TOTP(account.totp_seed).now(), answered_by="user:ops", keys=stored.keys)
    paused = await stored.until(tenant, run.id, "queued")
    async with tenant_transaction(tenant.id):  # meanwhile the tenant lets the bot compute its codes
        await set_secret(keys=stored.keys, name="portal.bank.totp_seed", kind="totp_seed", value=account.totp_seed)
    await lifecycle.resume_tenant(slug=tenant.slug)
    # The paused run's message waits out the tenant middleware's delay; a redelivery now must not double it.
    send_run(tenant, run.id)
    resumed = await stored.until_final(tenant, run.id)
    async with tenant_transaction(tenant.id):
        steps = await bots_service.steps_of(run_ids=[run.id])

    assert paused.error_code == "RUN_PAUSED" and paused.checkpoint[0]["step"] == "login"
    assert resumed.status.value == "succeeded" and resumed.executions == 2
    assert [(step.execution, step.name) for step in steps] == [
        (1, "login"), (2, "login"), (2, "choose account"), (2, "download statement"),
    ]  # fmt: skip


@ON_POSTGRES
async def test_a_suspended_tenants_queued_run_waits_unstarted_and_runs_once_when_the_tenant_is_active_again(stored, worker):
    [pausing] = [m for m in worker.broker.middleware if isinstance(m, TenantContext)]
    pausing.pause_delay_ms = 500  # put back for half a second at a time, not a minute
    tenant = await stored.tenant("hooli")
    async with tenant_transaction(tenant.id):
        run = await start_bot_run(bot="bank.download_statements", params=statement_params(stored), started_by="user:test")
    await lifecycle.suspend_tenant(slug=tenant.slug)
    send_run(tenant, run.id)
    await asyncio.sleep(2.5)  # several put-backs by the tenant middleware
    while_suspended = await stored.run(tenant, run.id)
    await lifecycle.resume_tenant(slug=tenant.slug)
    finished = await stored.until_final(tenant, run.id)

    record(finished)
    assert while_suspended.status.value == "queued" and while_suspended.executions == 0
    assert while_suspended.started_at is None and while_suspended.lease_owner is None
    assert finished.status.value == "succeeded" and finished.executions == 1, finished.error_message


async def looks_again(tenant, run_id) -> int:
    """How many times a worker holding back a delivery of the run sent it again to look later."""
    async with tenant_transaction(tenant.id):
        return await scoped(Job).filter(actor="run_bot", idempotency_key__startswith=f"bots.run:{run_id}:").count()


@ON_POSTGRES
async def test_a_run_longer_than_its_lease_keeps_it_by_heartbeat_and_redeliveries_neither_run_it_twice_nor_loop(stored, worker):
    lease = stored.runtime.config.lease_seconds
    stored.portals.states["bank"].switches.set(slow=0.8)  # every page answers slowly: the run outlasts its lease
    tenant = await stored.tenant("acme")
    async with tenant_transaction(tenant.id):
        run = await start_bot_run(bot="bank.download_statements", params=statement_params(stored), started_by="user:test")
    send_run(tenant, run.id)
    await stored.until(tenant, run.id, "running")
    redelivered_at = []
    while (await stored.run(tenant, run.id)).status.value == "running":
        # Redeliveries while it runs (a consumer_timeout, a dead connection), the later ones after its first lease ran out.
        send_run(tenant, run.id)
        redelivered_at.append((await stored.run(tenant, run.id)).lease_expires_at)
        await asyncio.sleep(lease / 2)
    finished = await stored.until_final(tenant, run.id)
    await asyncio.sleep(lease / 2 + 1.5)  # the held deliveries look again once, find the run ended, and stop
    looked_again = await looks_again(tenant, run.id)
    await asyncio.sleep(3)
    async with tenant_transaction(tenant.id):
        steps = await bots_service.steps_of(run_ids=[run.id])

    assert finished.status.value == "succeeded" and finished.executions == 1, finished.error_message
    assert (finished.finished_at - finished.started_at).total_seconds() > lease + 1, "longer than its lease"
    assert len(redelivered_at) >= 3 and len(set(redelivered_at)) == len(redelivered_at), "the heartbeat renewed the lease"
    assert [(step.execution, step.name, step.attempt) for step in steps] == [
        (1, "login", 1), (1, "choose account", 1), (1, "download statement", 1),
    ]  # fmt: skip
    # Each held delivery looks again at most once per watch interval while the run lives, then stops.
    duration = (finished.finished_at - finished.started_at).total_seconds()
    assert 1 <= looked_again <= len(redelivered_at) * (duration / stored.runtime.config.watch_seconds_max + 2)
    assert await looks_again(tenant, run.id) == looked_again, "no delivery keeps looking at an ended run"


@ON_SQLITE
async def test_a_run_that_fails_before_its_browser_starts_is_counted_with_its_error_code(stored, worker):
    tenant = await make_tenant("Bots without logins")
    async with tenant_transaction(tenant.id):
        await bots_service.configure_portal(portal="bank", base_url=stored.portals.url("bank"))  # the vault stays empty
        run = await start_bot_run(bot="bank.download_statements", params=statement_params(stored), started_by="user:clerk")

    def counted() -> tuple[float, float]:
        runs = REGISTRY.get_sample_value("concord_bot_runs_total", {"bot": "bank.download_statements", "outcome": "failed"})
        errors = REGISTRY.get_sample_value("concord_bot_run_errors_total", {"bot": "bank.download_statements", "code": "CREDENTIALS_MISSING"})
        return runs or 0.0, errors or 0.0

    before = counted()
    send_run(tenant, run.id)  # as bots.start_run sends it: through run_bot, which reports to the process's metrics
    failed = await stored.until_final(tenant, run.id)

    assert (failed.status.value, failed.error_code, failed.started_at) == ("failed", "CREDENTIALS_MISSING", None)
    assert counted() == (before[0] + 1, before[1] + 1)
