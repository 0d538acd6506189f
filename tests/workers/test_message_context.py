"""Messages carry their tenant and trace: restored before the actor runs, refused when missing."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from opentelemetry import trace
from opentelemetry.trace import SpanKind

from domain.crm import service as crm_service
from tenants import lifecycle
from tenants.context import current_tenant_id, tenant_transaction
from workers.actors.tenant_actor import tenant_actor
from workers.broker import build_broker
from workers.message_options import TENANT_ID, TRACE_CONTEXT
from workers.middleware import TenantContext
from workers.runtime import start_worker


@pytest.fixture
async def worker(db):
    """An in-process broker and worker sharing this test's event loop and database."""
    broker = build_broker(db.model_copy(update={"broker_url": "stub://"}))
    runtime = start_worker(db, broker, threads=2, loop=asyncio.get_running_loop())
    yield broker
    await asyncio.to_thread(runtime.stop)


async def drain(broker, queue: str) -> None:
    await asyncio.to_thread(broker.join, queue, fail_fast=False, timeout=20_000)


def declare(broker, job, **options):
    queue = f"q-{uuid.uuid4().hex[:8]}"
    return tenant_actor(job, broker=broker, queue_name=queue, actor_name=f"{queue}-{job.__name__}", max_retries=0, **options), queue


async def test_the_actor_runs_as_the_tenant_that_sent_the_message(worker, tenant, other_tenant):
    seen = []

    async def count_customers() -> None:
        async with tenant_transaction(current_tenant_id()):
            seen.append((current_tenant_id(), await crm_service.customers().count()))

    actor, queue = declare(worker, count_customers)
    async with tenant_transaction(tenant.id):
        await crm_service.create_customer(name="Only Mine")
        actor.send()
    async with tenant_transaction(other_tenant.id):
        actor.send()
    await drain(worker, queue)

    assert sorted(seen, key=lambda item: item[1]) == [(other_tenant.id, 0), (tenant.id, 1)]


async def test_a_message_without_a_tenant_is_dead_lettered_and_never_run(worker):
    ran = []

    async def job() -> None:
        ran.append(True)

    actor, queue = declare(worker, job)
    actor.send()  # no tenant selected here
    await drain(worker, queue)

    assert ran == []
    assert len(worker.dead_letters_by_queue[queue]) == 1


async def test_a_suspended_tenants_message_waits_and_runs_once_the_tenant_resumes(worker, tenant):
    ran = []

    async def job() -> None:
        ran.append(True)

    [tenant_context] = [m for m in worker.middleware if isinstance(m, TenantContext)]
    tenant_context.pause_delay_ms = 200
    actor, queue = declare(worker, job)
    await lifecycle.suspend_tenant(slug=tenant.slug)
    actor.send_with_options(**{TENANT_ID: str(tenant.id)})
    await asyncio.sleep(0.6)
    ran_while_suspended = list(ran)
    await lifecycle.resume_tenant(slug=tenant.slug)
    await drain(worker, queue)

    assert ran_while_suspended == []
    assert ran == [True]
    assert worker.dead_letters_by_queue[queue] == []


async def test_the_consumer_span_continues_the_senders_trace_with_database_spans_beneath(worker, tenant, spans):
    async def job() -> None:
        async with tenant_transaction(current_tenant_id()):
            await crm_service.customers().count()

    actor, queue = declare(worker, job)
    with trace.get_tracer("test").start_as_current_span("mutation createThing") as request_span:
        message = actor.send_with_options(**{TENANT_ID: str(tenant.id)})
    await drain(worker, queue)

    finished = spans.get_finished_spans()
    trace_id = request_span.get_span_context().trace_id
    [producer] = [s for s in finished if s.kind is SpanKind.PRODUCER]
    [consumer] = [s for s in finished if s.kind is SpanKind.CONSUMER]
    database = [s for s in finished if s.kind is SpanKind.CLIENT and s.context.trace_id == trace_id]
    assert "traceparent" in message.options[TRACE_CONTEXT]
    assert producer.parent.span_id == request_span.get_span_context().span_id
    assert consumer.parent.span_id == producer.context.span_id and consumer.context.trace_id == trace_id
    assert consumer.attributes["messaging.operation.type"] == "process"
    assert consumer.attributes["messaging.destination.name"] == queue
    assert consumer.attributes["tenant.id"] == str(tenant.id)
    assert database and all(s.parent.span_id == consumer.context.span_id or s.context.trace_id == trace_id for s in database)
