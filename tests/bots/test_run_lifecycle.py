"""The run lifecycle with real Chromium: cancellation, waiting for input, timeouts, limits, observer events."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from bots import BotRun, BotRunner, BrowserPool, InMemoryRunObserver, RunState, StepStatus
from bots.errors import InvalidParams
from bots.run_limits import RunLimits, RunLimitsConfig
from bots.run_policy import RunTimeouts
from tests.bots.conftest import TEST_TIMEOUTS, make_runner
from tests.bots.portal_server import PortalServer
from tests.bots.probe_bots import registry_with_probes

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


@pytest_asyncio.fixture(loop_scope="session")
async def probe_runner(
    pool: BrowserPool, observer: InMemoryRunObserver, artifacts_dir: Path
) -> AsyncIterator[BotRunner]:
    runner = make_runner(pool, observer, artifacts_dir, registry=registry_with_probes())
    yield runner
    await runner.shutdown()


def start_probe(
    runner: BotRunner, portals: PortalServer, name: str, params: dict, *, tenant: str = "acme", **kwargs
) -> BotRun:
    return runner.start(
        name,
        tenant_id=tenant,
        portal_url=portals.url("tax"),
        credentials=portals.credentials("tax", tenant),
        params=params,
        **kwargs,
    )


async def until_step_started(observer: InMemoryRunObserver, run: BotRun, name: str) -> None:
    async with asyncio.timeout(10):
        while not any(step.name == name for step in observer.steps_started[run.id]):
            await asyncio.sleep(0.01)


async def test_cancel_stops_the_run_at_its_next_await_and_closes_its_context(
    probe_runner: BotRunner, portals: PortalServer, observer: InMemoryRunObserver, pool: BrowserPool
):
    portals.states["tax"].switches.set(slow=5)  # the page load the run is in when cancelled
    run = start_probe(probe_runner, portals, "probe.open_page", {"path": "/login"})
    await until_step_started(observer, run, "open page")

    run.cancel()
    async with asyncio.timeout(3):
        outcome = await run.wait()

    assert (
        outcome.state is RunState.CANCELLED and outcome.error.code == "CANCELLED" and outcome.error.step == "open page"
    )
    assert [(step.name, step.status) for step in outcome.steps] == [("open page", StepStatus.CANCELLED)]
    assert pool.stats().open_contexts == 0
    assert observer.state_history(run.id) == [RunState.QUEUED, RunState.RUNNING, RunState.CANCELLED]


async def test_a_run_waits_queued_for_its_tenants_slot_and_can_be_cancelled_there(
    pool: BrowserPool, observer: InMemoryRunObserver, portals: PortalServer, artifacts_dir: Path
):
    runner = make_runner(pool, observer, artifacts_dir, registry=registry_with_probes())
    runner.limits = RunLimits(RunLimitsConfig(runs_per_tenant=1, politeness_seconds=0))
    busy = start_probe(runner, portals, "probe.wait", {"seconds": 30})
    waiting = start_probe(runner, portals, "probe.wait", {"seconds": 0})
    other_tenant = start_probe(runner, portals, "probe.wait", {"seconds": 0}, tenant="globex")

    assert (await other_tenant.wait()).state is RunState.SUCCEEDED
    assert waiting.state is RunState.QUEUED
    waiting.cancel()
    busy.cancel()

    assert (await waiting.wait()).state is RunState.CANCELLED
    assert observer.state_history(waiting.id) == [RunState.QUEUED, RunState.CANCELLED]
    assert (await busy.wait()).state is RunState.CANCELLED


async def test_timeouts_stand_still_while_the_run_waits_for_input_and_it_resumes_with_the_answer(
    probe_runner: BotRunner, portals: PortalServer, observer: InMemoryRunObserver
):
    short = RunTimeouts(run=1.0, step=1.0, input=10, action=5, navigation=5, element=1, download=5)
    run = start_probe(probe_runner, portals, "probe.ask", {}, timeouts=short)
    await observer.wait_for_state(run.id, RunState.WAITING_FOR_INPUT)

    await asyncio.sleep(1.5)  # longer than the run's and the step's timeouts
    run.provide_input("T-4711")
    outcome = await run.wait()

    assert outcome.state is RunState.SUCCEEDED, outcome.error
    assert outcome.result == "T-4711"
    request = observer.input_requests[run.id][0]
    assert request.prompt == "What is the code in the letter the tax office sent?" and request.step == "ask"
    assert request.screenshot is not None


async def test_nobody_answering_in_time_fails_with_input_timeout(probe_runner: BotRunner, portals: PortalServer):
    quick_input = RunTimeouts(**{**TEST_TIMEOUTS.__dict__, "input": 0.3})

    outcome = await start_probe(probe_runner, portals, "probe.ask", {}, timeouts=quick_input).wait()

    assert outcome.state is RunState.FAILED and outcome.error.code == "INPUT_TIMEOUT" and outcome.error.step == "ask"


async def test_providing_input_to_a_run_that_is_not_waiting_is_refused(probe_runner: BotRunner, portals: PortalServer):
    run = start_probe(probe_runner, portals, "probe.wait", {"seconds": 0})
    with pytest.raises(RuntimeError, match="not waiting for input"):
        run.provide_input("123456")
    await run.wait()


async def test_a_step_past_its_timeout_fails_with_step_timeout_and_a_screenshot(
    probe_runner: BotRunner, portals: PortalServer
):
    outcome = await start_probe(probe_runner, portals, "probe.wait", {"seconds": 5, "step_timeout": 0.2}).wait()

    assert outcome.state is RunState.FAILED
    assert outcome.error.code == "STEP_TIMEOUT" and outcome.error.step == "wait"
    assert [(step.name, step.status) for step in outcome.steps] == [("wait", StepStatus.FAILED)]
    assert any(artifact.name.endswith("wait-failed.png") for artifact in outcome.artifacts)


async def test_a_run_past_its_timeout_fails_with_run_timeout(probe_runner: BotRunner, portals: PortalServer):
    short_run = RunTimeouts(**{**TEST_TIMEOUTS.__dict__, "run": 0.3})

    outcome = await start_probe(probe_runner, portals, "probe.wait", {"seconds": 5}, timeouts=short_run).wait()

    assert outcome.state is RunState.FAILED and outcome.error.code == "RUN_TIMEOUT"


async def test_observers_hear_every_artifact_before_the_final_state(
    probe_runner: BotRunner, portals: PortalServer, observer: InMemoryRunObserver
):
    run = start_probe(probe_runner, portals, "probe.log_in_to_tax", {})
    outcome = await run.wait()

    assert outcome.state is RunState.SUCCEEDED, outcome.error
    events = [event for run_id, event in observer.events if run_id == run.id]
    assert events[:3] == ["on_run_state", "on_run_state", "on_step_started"]
    assert events[-1] == "on_run_state" and events[-2] == "on_artifact"
    assert observer.states[run.id][-1].result == {"at_start": [], "at_end": ["tax_session"]}
    assert {a.kind.value for a in observer.artifacts[run.id]} == {"screenshot", "trace", "step_log"}


async def test_a_run_with_bad_params_is_refused_before_it_is_queued(
    runner: BotRunner, portals: PortalServer, observer: InMemoryRunObserver
):
    with pytest.raises(InvalidParams) as refused:
        runner.start(
            "tax.file_vat_return",
            tenant_id="acme",
            portal_url=portals.url("tax"),
            credentials=portals.credentials("tax", "acme"),
            params={"period": "2026-13", "vat_number": "NL1", "output_vat": "1.001", "input_vat": "0"},
        )

    assert set(refused.value.details["errors"]) == {"period", "vat_number", "output_vat"}
    assert observer.events == [] and runner.live_runs == {}
