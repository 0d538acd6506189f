"""Logs are JSON lines carrying the trace, the span and the tenant; each logger's level comes from the settings."""

from __future__ import annotations

import io
import json
import logging
import uuid
from collections.abc import Iterator

import pytest
from opentelemetry import trace

from infra.logging import configure_logging, register_tenant_lookup
from infra.settings import load_settings
from tenants.context import peek_tenant_id, selected_tenant


@pytest.fixture
def log_stream() -> Iterator[io.StringIO]:
    """Where `configure_logging` writes here; the root logger's handlers and the levels it sets are put back after."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    touched = {name: logging.getLogger(name).level for name in ("workers", "tortoise", "pika", "api")}
    stream = io.StringIO()
    yield stream
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)
    for name, previous in touched.items():
        logging.getLogger(name).setLevel(previous)


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_each_logger_gets_the_level_the_settings_give_it(log_stream):
    configure_logging(load_settings(log_level="INFO", log_levels="workers=DEBUG, tortoise=warning"), stream=log_stream)

    logging.getLogger("workers.actors.bots").debug("a worker's detail")
    logging.getLogger("tortoise.db_client").info("every query")
    logging.getLogger("tortoise.db_client").warning("a slow query")
    logging.getLogger("api.view").debug("an api detail")
    logging.getLogger("api.view").info("an api event")

    assert [(line["logger"], line["level"], line["message"]) for line in lines(log_stream)] == [
        ("workers.actors.bots", "DEBUG", "a worker's detail"),
        ("tortoise.db_client", "WARNING", "a slow query"),
        ("api.view", "INFO", "an api event"),
    ]


def test_a_line_carries_the_trace_the_span_and_the_tenant_it_was_logged_in(log_stream):
    configure_logging(load_settings(), stream=log_stream)
    register_tenant_lookup(peek_tenant_id)  # what every process does after configuring its logs
    tenant_id = uuid.uuid4()

    with selected_tenant(tenant_id), trace.get_tracer("test").start_as_current_span("job") as span:
        logging.getLogger("workers.test").info("inside the job")
    logging.getLogger("workers.test").info("outside")

    inside, outside = lines(log_stream)
    context = span.get_span_context()
    assert (inside["trace_id"], inside["span_id"]) == (format(context.trace_id, "032x"), format(context.span_id, "016x"))
    assert inside["tenant.id"] == str(tenant_id)
    assert outside["tenant.id"] is None and outside["trace_id"] is None
