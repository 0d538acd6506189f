"""A worker's /metrics after real work on Redis: queue depth per queue and state, jobs and their latency
per actor; bot runs by bot and outcome with their duration; no tenant in any label."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from bots.records import RunError, RunInfo, RunState, RunStateChange
from infra.metrics import serve_metrics
from tenants.context import tenant_transaction
from tests.e2e.test_demo import free_port
from tests.workers.harness import eventually, redis_settings
from workers.actors.tenant_actor import tenant_actor
from workers.bot_metrics import BotRunMetrics
from workers.broker import build_broker
from workers.queue_depth import QUEUE_DEPTH
from workers.runtime import start_worker


@pytest.fixture(scope="module")
def metrics_url() -> str:
    """The worker's own metrics endpoint, as `concord worker` serves it."""
    port = free_port()
    assert serve_metrics(host="127.0.0.1", port=port)
    return f"http://127.0.0.1:{port}/metrics"


async def scrape(url: str) -> str:
    async with httpx.AsyncClient() as client:
        response = await client.get(url)
    assert response.status_code == 200
    return response.text


def sample(text: str, name: str, **labels: str) -> float | None:
    """The value of the sample `name{labels}` (label order as Prometheus writes them: sorted)."""
    selector = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    prefix = f"{name}{{{selector}}} " if labels else f"{name} "
    line = next((line for line in text.splitlines() if line.startswith(prefix)), None)
    return float(line.removeprefix(prefix)) if line is not None else None


async def test_queue_depth_and_job_metrics_per_actor_after_real_work_on_redis(db, tenant, metrics_url):
    broker = build_broker(redis_settings(db))
    queue = f"metrics-{uuid.uuid4().hex[:8]}"

    async def settle_invoice() -> None:
        await asyncio.sleep(0.01)

    async def reject_invoice() -> None:
        raise RuntimeError("the supplier's data is wrong")

    settle = tenant_actor(settle_invoice, broker=broker, queue_name=queue, actor_name=f"{queue}-settle", max_retries=0)
    reject = tenant_actor(reject_invoice, broker=broker, queue_name=f"{queue}-x", actor_name=f"{queue}-reject", max_retries=0)
    async with tenant_transaction(tenant.id):
        settle.send()
        settle.send()
        settle.send_with_options(delay=3_600_000)
        reject.send()
    QUEUE_DEPTH.broker = broker  # what start_worker does; first look before any worker takes a message
    try:
        before = await scrape(metrics_url)
        runtime = start_worker(db, broker, threads=2, loop=asyncio.get_running_loop())
        try:

            async def worked() -> str | None:
                text = await scrape(metrics_url)
                done = sample(text, "concord_queue_messages", queue=queue, actor=f"{queue}-settle", state="ready") == 0
                dead = sample(text, "concord_queue_messages", queue=f"{queue}-x", actor=f"{queue}-reject", state="dead") == 1
                return text if done and dead else None

            after = await eventually(worked, what="the worker to take the ready messages and dead-letter the bad one")
        finally:
            await asyncio.to_thread(runtime.stop)
    finally:
        for name in (queue, f"{queue}-x"):
            broker.flush(name)
            broker.client.delete(f"{broker.namespace}:{name}.XQ", f"{broker.namespace}:{name}.XQ.msgs")
        broker.close()

    assert sample(before, "concord_queue_messages", queue=queue, actor=f"{queue}-settle", state="ready") == 2
    assert sample(before, "concord_queue_messages", queue=queue, actor=f"{queue}-settle", state="delayed") == 1
    assert sample(after, "concord_queue_messages", queue=queue, actor=f"{queue}-settle", state="delayed") == 1
    assert sample(after, "concord_jobs_total", actor=f"{queue}-settle", outcome="succeeded") == 2
    assert sample(after, "concord_jobs_total", actor=f"{queue}-reject", outcome="failed") == 1
    assert sample(after, "concord_job_queue_latency_seconds_count", actor=f"{queue}-settle") == 2
    assert sample(after, "concord_job_duration_seconds_count", actor=f"{queue}-settle") == 2
    assert sample(after, "concord_outbox_oldest_pending_seconds") is not None
    assert str(tenant.id) not in after and tenant.slug not in after


async def test_bot_runs_are_counted_by_bot_and_outcome_with_their_duration_and_error_code(metrics_url):
    metrics = BotRunMetrics()
    started = datetime.now(UTC)
    bot = f"bank.metrics_{uuid.uuid4().hex[:6]}"  # a name of its own: the registry is the process's
    for number, (state, seconds, error) in enumerate(
        [(RunState.SUCCEEDED, 12, None), (RunState.FAILED, 3, RunError(code="LOGIN_FAILED", message="refused"))]
    ):
        info = RunInfo(run_id=f"run-{number}", tenant_id=str(uuid.uuid4()), bot_name=bot, portal="bank", created_at=started)
        await metrics.on_run_state(info, RunStateChange(state=RunState.QUEUED, at=started))
        await metrics.on_run_state(info, RunStateChange(state=RunState.RUNNING, at=started))
        await metrics.on_run_state(info, RunStateChange(state=state, at=started + timedelta(seconds=seconds), error=error))

    text = await scrape(metrics_url)

    assert sample(text, "concord_bot_runs_total", bot=bot, outcome="succeeded") == 1
    assert sample(text, "concord_bot_runs_total", bot=bot, outcome="failed") == 1
    assert sample(text, "concord_bot_run_duration_seconds_sum", bot=bot, outcome="succeeded") == 12
    assert sample(text, "concord_bot_run_duration_seconds_bucket", bot=bot, le="5.0", outcome="failed") == 1
    assert sample(text, "concord_bot_run_errors_total", bot=bot, code="LOGIN_FAILED") == 1
