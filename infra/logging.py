"""Logs as JSON lines that carry the trace, the span and the tenant they happened in."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from opentelemetry import trace
from pythonjsonlogger.json import JsonFormatter

from infra.settings import Settings

# Tenancy sits above infra, so it registers how to read the current tenant instead of being imported.
_tenant_lookup: Callable[[], object | None] = lambda: None


def register_tenant_lookup(lookup: Callable[[], object | None]) -> None:
    global _tenant_lookup
    _tenant_lookup = lookup


class TraceContextFilter(logging.Filter):
    """Stamps each record with the current trace id, span id and tenant id."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = trace.get_current_span().get_span_context()
        record.trace_id = format(context.trace_id, "032x") if context.is_valid else None
        record.span_id = format(context.span_id, "016x") if context.is_valid else None
        tenant = _tenant_lookup()
        setattr(record, "tenant.id", str(tenant) if tenant is not None else None)
        return True


def json_formatter() -> JsonFormatter:
    return JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s %(trace_id)s %(span_id)s %(tenant.id)s",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        timestamp=False,
    )


def configure_logging(settings: Settings, *, stream=None) -> None:
    """Send every log record to `stream` (stderr) as one JSON line; levels per logger from settings."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(json_formatter())
    handler.addFilter(TraceContextFilter())
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
    for name, level in settings.logger_levels.items():
        logging.getLogger(name).setLevel(level)
