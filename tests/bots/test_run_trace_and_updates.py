"""A run asked for through the graph, end to end in real Chromium on PostgreSQL: its `botRunUpdated` stream,
one trace from the mutation through the job to the run and its steps, and no trace header at the portal.

startBotRun → outbox → relay → `bots.start_run` (automation job) → `run_bot` (bots worker) → runner → steps.
"""

from __future__ import annotations

import asyncio

import pytest

from api.context import RequestContext
from api.schema import build_schema
from tenants.authentication import authenticate_api_key
from tests.bots.stored_runs import record, relaying_worker, row_id, statement_params, stored  # noqa: F401
from tests.conftest import graphql_client

pytestmark = [
    pytest.mark.browser,
    pytest.mark.asyncio(loop_scope="session"),
    pytest.mark.parametrize("test_database", ["postgres"], indirect=True),
]
START = "mutation($input: StartBotRunInput!) { startBotRun(input: $input) { botRun { id } userErrors { code } } }"
TRACE_HEADERS = {"traceparent", "tracestate", "baggage"}


def ancestry(span, by_id: dict) -> list[str]:
    """The names of the span and its parents, up to the root the exporter saw."""
    names = [span.name]
    while span.parent is not None and span.parent.span_id in by_id:
        span = by_id[span.parent.span_id]
        names.append(span.name)
    return names


async def test_a_run_started_in_the_graph_streams_its_updates_and_is_one_trace_without_a_traceparent_at_the_portal(
    stored, relaying_worker, spans
):
    tenant = await stored.tenant("hooli")
    context = RequestContext(request=None, response=None, principal=await authenticate_api_key(token=tenant.api_key))
    stream = await build_schema(stored.settings).subscribe("subscription { botRunUpdated { type payload } }", context_value=context)
    first = asyncio.ensure_future(stream.__anext__())
    await asyncio.sleep(0.3)  # the stream has taken its place in the outbox
    requests_before = len(stored.portals.recorder.requests)

    async with graphql_client(stored.settings) as client:
        started = await client.execute(
            START, {"input": {"bot": "bank.download_statements", "params": statement_params(stored)}}, api_key=tenant.api_key
        )
    run_id = row_id(started["startBotRun"]["botRun"]["id"])
    updates = [(await asyncio.wait_for(first, 30)).data["botRunUpdated"]]
    while updates[-1]["payload"]["status"] not in ("succeeded", "failed", "cancelled"):
        updates.append((await asyncio.wait_for(stream.__anext__(), 60)).data["botRunUpdated"])
    await stream.aclose()
    finished = await stored.run(tenant, run_id)
    await asyncio.sleep(0.5)  # the consumer spans end as their messages are acknowledged
    finished_spans = spans.get_finished_spans()
    portal_requests = stored.portals.recorder.requests[requests_before:]

    record(finished)
    assert finished.status.value == "succeeded", finished.error_message
    # The stream: queued, running, each step as it starts and ends, the artifacts, succeeded; all of this run.
    assert {update["payload"]["run_id"] for update in updates} == {str(run_id)}
    statuses = [update["payload"]["status"] for update in updates if update["payload"]["change"] == "state"]
    assert statuses == ["queued", "running", "succeeded"]
    steps = [(u["payload"]["step"], u["payload"]["step_status"]) for u in updates if u["payload"]["change"] == "step"]
    assert steps == [
        ("login", "running"), ("login", "succeeded"), ("choose account", "running"), ("choose account", "succeeded"),
        ("download statement", "running"), ("download statement", "succeeded"),
    ]  # fmt: skip
    assert {u["payload"]["artifact"] for u in updates if u["payload"]["change"] == "artifact"} >= {"trace.zip", "steps.jsonl"}

    # One trace: mutation → outbox relay → bots.start_run job → run_bot → bot run → steps.
    by_id = {span.context.span_id: span for span in finished_spans}
    [run_span] = [span for span in finished_spans if span.name == "bot.run bank.download_statements"]
    step_spans = [span for span in finished_spans if span.name.startswith("bot.step ") and span.parent.span_id == run_span.context.span_id]
    chain = ancestry(run_span, by_id)
    assert format(run_span.context.trace_id, "032x") == finished.trace_id
    assert [span.name for span in step_spans] == ["bot.step login", "bot.step choose account", "bot.step download statement"]
    assert chain == [
        "bot.run bank.download_statements",
        "process bots", "send bots",  # run_bot
        "process automation", "send automation",  # the bots.start_run job
        "process events", "send events",  # the relay's dispatch of bots.run_requested
        "mutation", "POST /graphql",
    ]  # fmt: skip
    assert by_id[run_span.parent.span_id].attributes["dramatiq.actor"] == "run_bot"

    # The portal saw the run's requests, none with Concord's trace context.
    assert len(portal_requests) >= 6
    assert [path for path, headers in portal_requests if TRACE_HEADERS & set(headers)] == []
