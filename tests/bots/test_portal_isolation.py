"""What the portals may and may not see of Concord: no trace headers, no other run's cookies."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from bots import BotRunner, BrowserPool, InMemoryRunObserver, RunState
from tests.bots.conftest import make_runner, run_bot
from tests.bots.portal_server import PortalServer
from tests.bots.probe_bots import registry_with_probes
from tests.bots.test_run_evidence import TRACEPARENT

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]
TRACE_HEADERS = {"traceparent", "tracestate", "baggage"}


@pytest_asyncio.fixture(loop_scope="session")
async def probe_runner(
    pool: BrowserPool, observer: InMemoryRunObserver, artifacts_dir: Path
) -> AsyncIterator[BotRunner]:
    runner = make_runner(pool, observer, artifacts_dir, registry=registry_with_probes())
    yield runner
    await runner.shutdown()


async def test_no_traceparent_reaches_a_portal_even_when_something_tries_to_send_one(
    runner: BotRunner, portals: PortalServer
):
    """The run continues a trace; a careless header setting tries to leak it; the portal never sees it."""
    headers_leaving: list[dict[str, str]] = []

    async def leak_and_watch(context):
        await context.set_extra_http_headers(
            {"traceparent": TRACEPARENT, "tracestate": "concord=1", "baggage": "tenant=acme"}
        )

        async def watch(route):
            headers_leaving.append(await route.request.all_headers())
            await route.fallback()

        await context.route("**/*", watch)

    seen_before = len(portals.recorder.requests)
    outcome = await run_bot(
        runner,
        portals,
        "bank.download_statements",
        tenant="acme",
        params={"date_from": "2020-01-01", "date_to": "2099-12-31"},
        traceparent=TRACEPARENT,
        context_setup=leak_and_watch,
    )

    assert outcome.state is RunState.SUCCEEDED, outcome.error
    assert len(headers_leaving) >= 6
    assert [h for h in headers_leaving if TRACE_HEADERS & set(h)] == []
    arrived = portals.recorder.requests[seen_before:]
    assert len(arrived) >= len(headers_leaving)
    assert [path for path, headers in arrived if TRACE_HEADERS & set(headers)] == []


async def test_each_run_gets_a_fresh_context_without_the_cookies_of_earlier_runs(
    probe_runner: BotRunner, portals: PortalServer
):
    outcomes = []
    for tenant in ("acme", "acme", "globex"):
        outcomes.append(
            await probe_runner.run(
                "probe.log_in_to_tax",
                tenant_id=tenant,
                portal_url=portals.url("tax"),
                credentials=portals.credentials("tax", tenant),
                params={},
            )
        )

    assert [o.state for o in outcomes] == [RunState.SUCCEEDED] * 3
    assert [o.result.at_start for o in outcomes] == [[], [], []]
    assert [o.result.at_end for o in outcomes] == [["tax_session"]] * 3
