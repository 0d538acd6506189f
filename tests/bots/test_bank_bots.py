"""`bank.download_statements` and `bank.submit_payment` against the sandbox bank in real headless Chromium."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pyotp
import pytest

from bots import ArtifactKind, BotRunner, BrowserPool, InMemoryRunObserver, RunState, StepStatus
from bots.run_policy import RetryPolicy
from tests.bots.conftest import make_runner, record_duration, run_bot
from tests.bots.portal_server import PortalServer

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

BENEFICIARY_IBAN = "NL91ABNA0417164300"


def statement_params(portals: PortalServer) -> dict:
    today = portals.states["bank"].clock.today()
    return {"date_from": (today - timedelta(days=60)).isoformat(), "date_to": today.isoformat()}


def payment_params(key: str, amount: str = "1250.40") -> dict:
    return {
        "beneficiary": "Meridian Industrial Supply",
        "iban": "NL91 ABNA 0417 1643 00",
        "amount": amount,
        "currency": "EUR",
        "reference": "SI-2026-12345",
        "idempotency_key": key,
    }


def payments_with_key(portals: PortalServer, tenant: str, key: str) -> list:
    return [p for p in portals.states["bank"].customers[tenant].payments if key in p.reference]


async def test_downloads_the_statement_csv_and_reads_its_lines(runner: BotRunner, portals: PortalServer):
    params = statement_params(portals)

    outcome = await run_bot(runner, portals, "bank.download_statements", tenant="acme", params=params)

    assert outcome.state is RunState.SUCCEEDED, outcome.error
    result = outcome.result
    bank = portals.states["bank"]
    first_account = next(iter(bank.customers["acme"].accounts.values()))
    expected = bank.statement(first_account, date_from=result.date_from, date_to=result.date_to)
    assert result.iban == first_account.iban and result.currency == "EUR"
    assert [(line.date, line.reference, line.amount, line.balance) for line in result.lines] == [
        (line.booked_on, line.reference, line.amount, line.balance) for line in expected
    ]
    assert len(result.lines) > 0
    rows = list(csv.DictReader(io.StringIO(result.csv.path.read_text())))
    assert len(rows) == len(result.lines) and result.csv.kind is ArtifactKind.DOWNLOAD and len(result.csv.sha256) == 64


async def test_pays_once_and_a_second_run_with_the_same_key_finds_the_payment(runner: BotRunner, portals: PortalServer):
    params = payment_params("e2e-payment-0001")

    first = await run_bot(runner, portals, "bank.submit_payment", tenant="acme", params=params)
    second = await run_bot(runner, portals, "bank.submit_payment", tenant="acme", params=params)

    assert first.state is RunState.SUCCEEDED, first.error
    assert first.result.payment_id.startswith("PAY-") and first.result.status == "Pending"
    assert first.result.already_submitted is False
    assert second.state is RunState.SUCCEEDED, second.error
    assert second.result.already_submitted is True and second.result.payment_id == first.result.payment_id
    [payment] = payments_with_key(portals, "acme", "e2e-payment-0001")
    assert payment.amount == Decimal("1250.40") and payment.beneficiary_iban == BENEFICIARY_IBAN
    assert payment.reference == "SI-2026-12345 CK:e2e-payment-0001"


async def test_the_duplicate_payment_lost_answer_then_retry_pays_exactly_once(runner: BotRunner, portals: PortalServer):
    """The bank takes the payment but its answer never reaches the bot; the retry reads the list, not paying again."""
    key = "lost-answer-0001"
    forwarded = []

    async def lose_the_authorisation_answer(context):
        async def forward_then_drop(route):
            if route.request.method != "POST":
                await route.fallback()
                return
            response = await route.fetch(max_redirects=0)  # the bank receives it and creates the payment
            forwarded.append(response.status)
            await route.abort("connectionreset")  # ... and the bot never hears back

        await context.route("**/payments/drafts/*/authorise", forward_then_drop)

    lost = await run_bot(
        runner,
        portals,
        "bank.submit_payment",
        tenant="globex",
        params=payment_params(key),
        context_setup=lose_the_authorisation_answer,
    )

    assert forwarded == [303]
    assert lost.state is RunState.FAILED
    assert lost.error.code == "OUTCOME_UNKNOWN" and lost.error.step == "authorise payment"
    assert lost.error.details["idempotency_key"] == key
    assert len(payments_with_key(portals, "globex", key)) == 1

    retry = await run_bot(runner, portals, "bank.submit_payment", tenant="globex", params=payment_params(key))

    assert retry.state is RunState.SUCCEEDED, retry.error
    assert retry.result.already_submitted is True
    assert [p.payment_id for p in payments_with_key(portals, "globex", key)] == [retry.result.payment_id]
    assert "authorise payment" not in [step.name for step in retry.steps]


async def test_an_idempotency_key_reused_for_another_payment_is_refused(runner: BotRunner, portals: PortalServer):
    await run_bot(runner, portals, "bank.submit_payment", tenant="initech", params=payment_params("reused-key-0001"))

    outcome = await run_bot(
        runner,
        portals,
        "bank.submit_payment",
        tenant="initech",
        params=payment_params("reused-key-0001", amount="99.00"),
    )

    assert outcome.state is RunState.FAILED and outcome.error.code == "INVALID_PARAMS"
    assert "idempotency_key" in outcome.error.message
    assert len(payments_with_key(portals, "initech", "reused-key-0001")) == 1


async def test_maintenance_fails_with_portal_unavailable_after_retries(runner: BotRunner, portals: PortalServer):
    portals.states["bank"].switches.set(maintenance=True)

    outcome = await run_bot(
        runner, portals, "bank.download_statements", tenant="acme", params=statement_params(portals)
    )

    assert outcome.state is RunState.FAILED
    assert outcome.error.code == "PORTAL_UNAVAILABLE" and outcome.error.step == "login"
    assert [(step.attempt, step.status) for step in outcome.steps] == [
        (1, StepStatus.RETRYING), (2, StepStatus.RETRYING), (3, StepStatus.FAILED),
    ]  # fmt: skip


async def test_a_flaky_portal_with_a_fixed_seed_succeeds_through_retries_of_idempotent_steps(
    pool: BrowserPool, observer: InMemoryRunObserver, portals: PortalServer, artifacts_dir
):
    runner = make_runner(
        pool, observer, artifacts_dir, retry=RetryPolicy(attempts=6, first_delay=0.05, max_delay=0.2, jitter=0)
    )
    portals.states["bank"].switches.set(flaky=0.2, seed=2)

    outcome = await run_bot(
        runner, portals, "bank.download_statements", tenant="hooli", params=statement_params(portals)
    )

    assert outcome.state is RunState.SUCCEEDED, outcome.error
    retried = [step for step in outcome.steps if step.status is StepStatus.RETRYING]
    assert retried, "the seed should make at least one request fail"
    assert {step.error.code for step in retried} == {"PORTAL_UNAVAILABLE"}


async def test_without_a_totp_seed_the_run_waits_for_a_human_and_resumes_with_the_code(
    runner: BotRunner, portals: PortalServer, observer: InMemoryRunObserver
):
    run = runner.start(
        "bank.download_statements",
        tenant_id="umbrella",
        portal_url=portals.url("bank"),
        credentials=portals.credentials("bank", "umbrella", with_totp_seed=False),
        params=statement_params(portals),
    )

    await observer.wait_for_state(run.id, RunState.WAITING_FOR_INPUT)
    assert run.state is RunState.WAITING_FOR_INPUT
    assert "6-digit code" in run.pending_input.prompt and run.pending_input.step == "login"
    assert run.pending_input.screenshot is not None and run.pending_input.screenshot.path.exists()
    run.provide_input(pyotp.TOTP(portals.account("bank", "umbrella").totp_seed).now())
    outcome = await run.wait()

    record_duration("bank.download_statements", outcome)
    assert outcome.state is RunState.SUCCEEDED, outcome.error
    assert observer.state_history(run.id) == [
        RunState.QUEUED, RunState.RUNNING, RunState.WAITING_FOR_INPUT, RunState.RUNNING, RunState.SUCCEEDED,
    ]  # fmt: skip
    assert len(observer.input_requests[run.id]) == 1
