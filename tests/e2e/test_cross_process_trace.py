"""One business action is one trace across processes: `concord serve` and `concord worker` on real
Redis export over OTLP/HTTP to a receiver that decodes the protobuf, and the spans link up.

The action is `startBotRun`: the API records the run and its `bots.run_requested` event; the worker's
outbox relay sends the event (producer), the event's automation runs (consumer) and sends `run_bot`
(producer), and `run_bot` (consumer) drives Chromium through the sandbox bank portal (`concord portals`)
in a `bot.run` span with one span per step.
"""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from opentelemetry.proto.trace.v1.trace_pb2 import Span
from strawberry import relay

from infra.portals.accounts import demo_password, demo_totp_seed
from tests.databases import create_postgres_database, drop_postgres_database
from tests.e2e.otlp_receiver import OtlpReceiver, ReceivedSpan
from tests.e2e.test_demo import free_port
from tests.e2e.test_production import wait_for
from tests.infra.cli.running import CONCORD, concord_env, run_concord
from tests.services import POSTGRES_URL_ENV, REDIS_URL_ENV, require_service

pytestmark = [pytest.mark.browser]

TENANT = "traced"
CHROMIUM = "/usr/bin/chromium"
SET_SECRET = "mutation SetSecret($input: SetSecretInput!) { setSecret(input: $input) { userErrors { code message } } }"
CONFIGURE_PORTAL = """
mutation ConfigurePortal($url: String!) {
  configureBotPortal(input: {portal: "bank", baseUrl: $url}) { userErrors { code message } }
}
"""
START_BOT_RUN = """
mutation StartBotRun($params: JSON!) {
  startBotRun(input: {bot: "bank.download_statements", params: $params}) { botRun { id } userErrors { code message } }
}
"""
BOT_RUN = "query BotRun($id: ID!) { botRun(id: $id) { status traceId steps { name status } } }"
STEPS = ("login", "choose account", "download statement")


@dataclass(frozen=True)
class Stack:
    url: str  # the API's /graphql
    key: str  # the tenant's admin API key
    portal_url: str  # the sandbox bank
    worker_metrics: str
    api_metrics: str
    receiver: OtlpReceiver


@dataclass(frozen=True)
class FinishedRun:
    id: str  # the run's global id
    status: str
    trace_id: str
    secrets: dict[str, str]  # the bank login the run used


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """PostgreSQL + Redis + the sandbox portals, with `serve` and `worker` exporting to one OTLP receiver."""
    tmp_path = tmp_path_factory.mktemp("cross-process")
    redis_url = require_service(REDIS_URL_ENV)  # concord_env gives the processes this test run's own key namespace
    database = asyncio.run(create_postgres_database(require_service(POSTGRES_URL_ENV)))
    processes: list[subprocess.Popen] = []
    with OtlpReceiver() as receiver:
        settings = {
            "database_url": database.url, "migration_database_url": database.owner_url, "broker_url": redis_url,
            "otlp_endpoint": receiver.endpoint, "secret_key": "cross-process-trace-test-secret-key",
            "artifacts_dir": str(tmp_path / "artifacts"),
            **({"chromium_path": CHROMIUM} if Path(CHROMIUM).exists() else {}),  # else the pool finds Playwright's
        }
        try:
            portals_port, api_port, worker_metrics_port = free_port(), free_port(), free_port()
            processes.append(_start("portals", "--port", str(portals_port), "--tenant", TENANT, settings=settings, logs=tmp_path))
            assert run_concord("migrate", **settings).returncode == 0
            created = run_concord("tenants", "create", TENANT, "--name", "Traced Ltd", **settings)
            key = json.loads(created.stdout)["api_key"]
            processes.append(_start("serve", "--port", str(api_port), settings=settings, logs=tmp_path))
            worker_settings = {**settings, "worker_metrics_port": str(worker_metrics_port)}
            processes.append(_start("worker", "--threads", "2", settings=worker_settings, logs=tmp_path))
            wait_for(f"http://127.0.0.1:{portals_port}/")
            wait_for(f"http://127.0.0.1:{api_port}/readyz")
            api = f"http://127.0.0.1:{api_port}"
            yield Stack(
                url=f"{api}/graphql", key=key, portal_url=f"http://127.0.0.1:{portals_port}/bank",
                worker_metrics=f"http://127.0.0.1:{worker_metrics_port}/metrics", api_metrics=f"{api}/metrics", receiver=receiver,
            )
        finally:
            for process in processes:
                process.send_signal(signal.SIGTERM)  # serve and worker flush their spans on the way out
            for process in processes:
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
            asyncio.run(drop_postgres_database(database))


def _start(*args: str, settings: dict[str, str], logs: Path) -> subprocess.Popen:
    """`concord <args>` in the background, its JSON log lines kept in `logs/<command>.log` for a failure's reader."""
    with (logs / f"{args[0]}.log").open("wb") as log:
        return subprocess.Popen([*CONCORD, *args], env=concord_env(**settings), stderr=log, stdout=log)


def graphql(url: str, key: str, query: str, variables: dict | None = None) -> dict:
    response = httpx.post(url, json={"query": query, "variables": variables or {}}, headers={"Authorization": f"Bearer {key}"}, timeout=30)
    body = response.json()
    assert not body.get("errors"), body
    [payload] = body["data"].values()
    assert not (payload or {}).get("userErrors"), payload
    return payload


def give_the_tenant_its_bank_login(url: str, key: str, portal_url: str) -> dict[str, str]:
    """The tenant's sandbox bank login in its vault and where the bank is; returns the secrets."""
    secrets = {
        "username": (f"{TENANT}-finance", "other"),
        "password": (demo_password("bank", TENANT), "password"),
        "totp_seed": (demo_totp_seed(TENANT), "totp_seed"),
    }
    for part, (value, kind) in secrets.items():
        graphql(url, key, SET_SECRET, {"input": {"name": f"portal.bank.{part}", "kind": kind, "value": value}})
    graphql(url, key, CONFIGURE_PORTAL, {"url": portal_url})
    return {part: value for part, (value, _) in secrets.items()}


def wait_until(predicate, *, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := predicate():
            return found
        time.sleep(0.5)
    pytest.fail(f"waited {timeout:.0f} s for {what}")


@pytest.fixture(scope="module")
def finished_run(stack) -> FinishedRun:
    """One `startBotRun` of bank.download_statements for the last 30 days, waited for until it ends."""
    secrets = give_the_tenant_its_bank_login(stack.url, stack.key, stack.portal_url)
    today = date.today()
    params = {"date_from": (today - timedelta(days=30)).isoformat(), "date_to": today.isoformat()}
    started = graphql(stack.url, stack.key, START_BOT_RUN, {"params": params})["botRun"]
    run = wait_until(
        lambda: (found := graphql(stack.url, stack.key, BOT_RUN, {"id": started["id"]}))["status"] in ("SUCCEEDED", "FAILED") and found,
        timeout=180, what="the bot run to end",
    )
    return FinishedRun(id=started["id"], status=run["status"], trace_id=run["traceId"], secrets=secrets)


def test_start_bot_run_is_one_trace_from_the_api_operation_to_the_bot_steps_in_the_worker(stack, finished_run, capsys):
    assert finished_run.status == "SUCCEEDED"
    trace_id, secrets = finished_run.trace_id, finished_run.secrets
    # Each process's BatchSpanProcessor exports every few seconds: wait until both have sent their part.
    expected = {"mutation StartBotRun", "bot.run bank.download_statements", *(f"bot.step {name}" for name in STEPS)}
    spans = wait_until(
        lambda: (found := stack.receiver.trace(trace_id)) and expected <= {span.name for span in found} and found,
        timeout=30, what=f"the spans {sorted(expected)} of trace {trace_id}",
    )
    with capsys.disabled():
        print(f"\ncross-process trace {trace_id}:")
        print_tree(spans)

    by_id = {span.span_id: span for span in spans}
    [operation] = [span for span in spans if span.name == "mutation StartBotRun"]
    [bot_run] = [span for span in spans if span.name.startswith("bot.run ")]
    # The API key's lookup runs before the operation, under the HTTP span; the mutation's own statements under it.
    database = [
        span for span in spans
        if span.service == "api" and span.kind == Span.SPAN_KIND_CLIENT and _descends_from(span, operation, by_id)
    ]
    written = {_statement(span).split('"')[1] for span in database if _statement(span).startswith("INSERT INTO")}
    producers = [span for span in spans if span.kind == Span.SPAN_KIND_PRODUCER]
    consumers = [span for span in spans if span.kind == Span.SPAN_KIND_CONSUMER]
    [run_bot_consumer] = [span for span in consumers if span.attributes.get("dramatiq.actor") == "run_bot"]
    steps = [span for span in spans if span.name.startswith("bot.step ")]

    assert {span.service for span in spans} >= {"api", "worker"}
    http = by_id[operation.parent_span_id]  # the ASGI server span is the root
    assert http.service == "api" and http.kind == Span.SPAN_KIND_SERVER and not http.parent_span_id
    assert operation.attributes["graphql.operation.type"] == "mutation"
    assert operation.attributes["graphql.operation.name"] == "StartBotRun"
    assert {"bots_runs", "outbox_events"} <= written
    assert producers and all(_descends_from(span, operation, by_id) for span in producers)
    for consumer in consumers:  # each consumer continues the producer that sent its message
        assert by_id[consumer.parent_span_id].kind == Span.SPAN_KIND_PRODUCER
        assert consumer.service == "worker" and by_id[consumer.parent_span_id].attributes["messaging.message.id"] == consumer.attributes["messaging.message.id"]
    assert bot_run.service == "worker" and bot_run.parent_span_id == run_bot_consumer.span_id
    assert bot_run.attributes["bot.run.id"] == relay.GlobalID.from_id(finished_run.id).node_id
    assert [span.name for span in sorted(steps, key=_started)] == [f"bot.step {name}" for name in STEPS]
    assert all(span.parent_span_id == bot_run.span_id for span in steps)
    assert all(span.attributes.get("tenant.id") for span in (operation, *producers, *consumers, bot_run))
    leaked = [  # in every span received, setSecret's included
        (span.name, name) for span in stack.receiver.spans for name, value in span.attributes.items()
        if any(secret in value for secret in (secrets["password"], secrets["totp_seed"], stack.key))
    ]
    assert not leaked, f"secrets in span attributes: {leaked}"


def test_the_run_shows_in_the_metrics_of_the_worker_and_the_api(stack, finished_run):
    worker = httpx.get(stack.worker_metrics, timeout=10).text
    api = httpx.get(stack.api_metrics, timeout=10).text

    assert 'concord_bot_runs_total{bot="bank.download_statements",outcome="succeeded"} 1.0' in worker
    assert 'concord_bot_run_duration_seconds_count{bot="bank.download_statements",outcome="succeeded"} 1.0' in worker
    for actor in ("dispatch_event", "run_automation", "run_bot"):
        assert f'concord_jobs_total{{actor="{actor}",outcome="succeeded"}}' in worker
        assert f'concord_job_queue_latency_seconds_count{{actor="{actor}"}}' in worker
    assert 'concord_queue_messages{actor="run_bot",queue="bots",state="ready"} 0.0' in worker
    assert "concord_outbox_oldest_pending_seconds " in worker
    assert 'concord_graphql_operations_total{operation_name="StartBotRun",operation_type="mutation"} 1.0' in api
    assert 'concord_graphql_operation_duration_seconds_count{operation_name="StartBotRun",operation_type="mutation"} 1.0' in api
    tenant_id = next(span.attributes["tenant.id"] for span in stack.receiver.spans if span.name == "mutation StartBotRun")
    assert tenant_id not in worker and tenant_id not in api


def print_tree(spans: list[ReceivedSpan]) -> None:
    """The spans as a tree (children in start order): service, name, kind; a run of sibling database
    spans of one name is one line with its count."""
    by_parent: dict[str, list[ReceivedSpan]] = {}
    ids = {span.span_id for span in spans}
    for span in sorted(spans, key=_started):
        by_parent.setdefault(span.parent_span_id if span.parent_span_id in ids else "", []).append(span)

    def show(span: ReceivedSpan, depth: int) -> None:
        kind = Span.SpanKind.Name(span.kind).removeprefix("SPAN_KIND_")
        parent = span.parent_span_id or "-"
        print(f"  {'  ' * depth}[{span.service}] {span.name}  kind={kind} span={span.span_id} parent={parent}")
        children = by_parent.get(span.span_id, [])
        index = 0
        while index < len(children):
            child, same = children[index], 1
            while child.kind == Span.SPAN_KIND_CLIENT and index + same < len(children) and (
                children[index + same].kind == Span.SPAN_KIND_CLIENT and children[index + same].name == child.name
            ):
                same += 1
            if same > 1:
                print(f"  {'  ' * (depth + 1)}[{child.service}] {child.name}  kind=CLIENT x{same} parent={span.span_id}")
            else:
                show(child, depth + 1)
            index += same

    for root in by_parent.get("", []):
        show(root, 0)


def _statement(span: ReceivedSpan) -> str:
    return span.attributes.get("db.statement") or span.attributes.get("db.query.text") or ""


def _started(span: ReceivedSpan) -> int:
    return span.start_time_unix_nano


def _descends_from(span: ReceivedSpan, ancestor: ReceivedSpan, by_id: dict[str, ReceivedSpan]) -> bool:
    while span.parent_span_id:
        if span.parent_span_id == ancestor.span_id:
            return True
        span = by_id.get(span.parent_span_id)
        if span is None:
            return False
    return False
