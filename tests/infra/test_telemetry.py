"""The tracing spine: one server span per request, the operation and database spans inside it."""

from __future__ import annotations

import io
import json
import logging

from opentelemetry import trace
from opentelemetry.trace import SpanKind

from infra.logging import TraceContextFilter, json_formatter
from infra.settings import TraceExporter, load_settings
from infra.telemetry import tracer_provider

QUERY = "query ListCustomers { customers(first: 5) { totalCount edges { node { name } } } }"


def _ancestors(span, by_id):
    while span.parent is not None and span.parent.span_id in by_id:
        span = by_id[span.parent.span_id]
        yield span


async def test_one_graphql_request_gives_one_server_span_with_the_database_spans_beneath(graphql, tenant, spans):
    spans.clear()  # creating the tenant made spans of its own

    await graphql.execute(QUERY, api_key=tenant.api_key)

    finished = spans.get_finished_spans()
    by_id = {span.context.span_id: span for span in finished}
    servers = [span for span in finished if span.kind is SpanKind.SERVER]
    database = [span for span in finished if span.kind is SpanKind.CLIENT and "db.system" in (span.attributes or {})
                or (span.attributes or {}).get("db.system.name")]
    assert len(servers) == 1
    assert len(database) >= 2  # the page and its count, at least
    assert all(servers[0] in list(_ancestors(span, by_id)) for span in database)
    assert {span.context.trace_id for span in finished} == {servers[0].context.trace_id}


async def test_the_operation_span_is_named_by_operation_and_carries_the_tenant(graphql, tenant, spans):
    spans.clear()

    await graphql.execute(QUERY, api_key=tenant.api_key)

    [operation] = [span for span in spans.get_finished_spans() if span.name == "query ListCustomers"]
    assert operation.attributes["graphql.operation.name"] == "ListCustomers"
    assert operation.attributes["tenant.id"] == str(tenant.id)


def test_the_provider_names_the_service_and_its_version():
    resource = tracer_provider().resource.attributes

    assert resource["service.name"] == "concord"
    assert resource["service.version"]


def test_log_lines_are_json_carrying_the_trace_and_span_ids():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(json_formatter())
    handler.addFilter(TraceContextFilter())
    logger = logging.getLogger("concord.test.telemetry")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        with trace.get_tracer("test").start_as_current_span("work") as span:
            logger.info("inside a span")
        logger.info("outside any span")
    finally:
        logger.removeHandler(handler)

    inside, outside = (json.loads(line) for line in stream.getvalue().splitlines())
    context = span.get_span_context()
    assert inside["message"] == "inside a span"
    assert inside["trace_id"] == format(context.trace_id, "032x")
    assert inside["span_id"] == format(context.span_id, "016x")
    assert outside["trace_id"] is None


def test_the_exporter_is_chosen_by_the_settings():
    assert load_settings().effective_trace_exporter is TraceExporter.NONE
    assert load_settings(otlp_endpoint="http://collector:4318").effective_trace_exporter is TraceExporter.OTLP
    assert load_settings(trace_exporter="console").effective_trace_exporter is TraceExporter.CONSOLE
