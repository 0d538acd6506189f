"""The tracing spine: one TracerProvider per process, its exporter chosen by the settings."""

from __future__ import annotations

import logging

from opentelemetry import trace
from opentelemetry.instrumentation.tortoiseorm import TortoiseORMInstrumentor
from opentelemetry.sdk.resources import SERVICE_NAME, SERVICE_VERSION, Resource
from opentelemetry.sdk.trace import SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor

from infra.settings import Settings, TraceExporter

log = logging.getLogger(__name__)
_provider: TracerProvider | None = None


def configure_tracing(settings: Settings, *, role: str) -> TracerProvider:
    """Install the process's TracerProvider once (OpenTelemetry allows one) and instrument the ORM.

    `role` is what this process does (`api`, `worker`, `demo`, `cli`) and becomes `service.instance.role`.
    """
    global _provider
    if _provider is not None:
        return _provider
    resource = Resource.create(
        {SERVICE_NAME: settings.service_name, SERVICE_VERSION: settings.version, "concord.process.role": role}
    )
    provider = TracerProvider(resource=resource)
    processor = _processor_for(settings)
    if processor is not None:
        provider.add_span_processor(processor)
    trace.set_tracer_provider(provider)
    TortoiseORMInstrumentor().instrument(tracer_provider=provider)
    _provider = provider
    return provider


def tracer_provider() -> TracerProvider:
    """The provider installed by `configure_tracing`; raises if none was."""
    if _provider is None:
        raise RuntimeError("configure_tracing() has not run in this process")
    return _provider


def shutdown_tracing() -> None:
    """Flush what is buffered; called when a process stops."""
    if _provider is not None:
        _provider.force_flush(timeout_millis=5000)


def _processor_for(settings: Settings) -> SpanProcessor | None:
    exporter = settings.effective_trace_exporter
    if exporter is TraceExporter.OTLP:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        endpoint = (settings.otlp_endpoint or "http://127.0.0.1:4318").rstrip("/")
        return BatchSpanProcessor(OTLPSpanExporter(endpoint=f"{endpoint}/v1/traces"))
    if exporter is TraceExporter.CONSOLE:
        return SimpleSpanProcessor(ConsoleSpanExporter())
    return None
