"""What a run leaves behind: artifacts with checksums, a step log, a trace zip without secrets, one span tree."""

from __future__ import annotations

import json
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from bots import ArtifactKind, BotRunner, BrowserPool, InMemoryRunObserver, RunState
from bots.artifacts import sha256_of
from tests.bots.conftest import make_runner
from tests.bots.portal_server import PortalServer
from tests.bots.probe_bots import registry_with_probes

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
CALLER_SPAN_ID = "b7ad6b7169203331"
TRACEPARENT = f"00-{TRACE_ID}-{CALLER_SPAN_ID}-01"


@pytest_asyncio.fixture(loop_scope="session")
async def probe_runner(
    pool: BrowserPool, observer: InMemoryRunObserver, artifacts_dir: Path
) -> AsyncIterator[BotRunner]:
    runner = make_runner(pool, observer, artifacts_dir, registry=registry_with_probes())
    yield runner
    await runner.shutdown()


async def log_in_to_tax(runner: BotRunner, portals: PortalServer, tenant: str, **kwargs):
    return await runner.run(
        "probe.log_in_to_tax",
        tenant_id=tenant,
        portal_url=portals.url("tax"),
        credentials=portals.credentials("tax", tenant),
        params={"path": "/login?next=/vat/returns&token=s3cr3t"},
        **kwargs,
    )


async def test_artifacts_are_kept_per_tenant_and_run_with_their_sha256(
    probe_runner: BotRunner, portals: PortalServer, artifacts_dir: Path
):
    outcome = await log_in_to_tax(probe_runner, portals, "acme")

    assert outcome.state is RunState.SUCCEEDED, outcome.error
    run_directory = artifacts_dir.resolve() / "acme" / outcome.run_id
    assert {artifact.kind for artifact in outcome.artifacts} == {
        ArtifactKind.SCREENSHOT,
        ArtifactKind.TRACE,
        ArtifactKind.STEP_LOG,
    }
    for artifact in outcome.artifacts:
        assert artifact.path.parent in (run_directory, run_directory / "screenshots")
        assert artifact.name == artifact.path.relative_to(run_directory).as_posix()
        assert artifact.sha256 == sha256_of(artifact.path) and artifact.size == artifact.path.stat().st_size > 0
    assert (run_directory / "trace.zip").is_file() and (run_directory / "steps.jsonl").is_file()


async def test_the_step_log_has_a_json_line_per_step_with_urls_stripped_of_their_query(
    probe_runner: BotRunner, portals: PortalServer, artifacts_dir: Path
):
    outcome = await log_in_to_tax(probe_runner, portals, "acme")

    lines = [
        json.loads(line) for line in (artifacts_dir / "acme" / outcome.run_id / "steps.jsonl").read_text().splitlines()
    ]
    assert [(line["step"], line["status"]) for line in lines] == [("open page", "succeeded"), ("login", "succeeded")]
    assert lines[0]["url"] == portals.url("tax") + "/login"
    assert all(line["started_at"] <= line["finished_at"] and line["error"] is None for line in lines)
    assert set(lines[0]) >= {"step", "status", "started_at", "finished_at", "url", "error"}


async def test_the_trace_zip_never_holds_the_password(probe_runner: BotRunner, portals: PortalServer):
    outcome = await log_in_to_tax(probe_runner, portals, "acme")

    [trace_zip] = outcome.artifacts_of(ArtifactKind.TRACE)
    password = portals.account("tax", "acme").password.encode()
    with zipfile.ZipFile(trace_zip.path) as trace:
        members = {name: trace.read(name) for name in trace.namelist()}
    assert any(name.endswith(".trace") for name in members)
    assert not [name for name, data in members.items() if password in data]
    assert any(b"********" in data for data in members.values())  # the fill action is still there, masked


async def test_a_run_is_one_span_with_a_child_span_per_step_continuing_the_callers_trace(
    probe_runner: BotRunner, portals: PortalServer, spans
):
    outcome = await log_in_to_tax(probe_runner, portals, "acme", traceparent=TRACEPARENT)

    finished = spans.get_finished_spans()
    [run_span] = [span for span in finished if span.name == "bot.run probe.log_in_to_tax"]
    expected = {"bot.name": "probe.log_in_to_tax", "bot.run.id": outcome.run_id, "tenant.id": "acme"}
    assert dict(run_span.attributes).items() >= expected.items()
    assert format(run_span.context.trace_id, "032x") == TRACE_ID
    assert format(run_span.parent.span_id, "016x") == CALLER_SPAN_ID
    step_spans = [span for span in finished if span.name.startswith("bot.step ")]
    assert [span.name for span in step_spans] == ["bot.step open page", "bot.step login"]
    assert all(span.parent.span_id == run_span.context.span_id for span in step_spans)
    assert step_spans[0].attributes["url.full"] == portals.url("tax") + "/login"
    assert all("s3cr3t" not in str(dict(span.attributes)) for span in (run_span, *step_spans))
