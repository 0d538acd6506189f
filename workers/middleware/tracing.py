"""OpenTelemetry for messages: a PRODUCER span when sent, a CONSUMER span continuing it when run.

Dramatiq has no upstream instrumentation, so this is ours. The producer injects the W3C context
into the message options; the consumer extracts it, links to it and makes its span the parent
of the actor's work. Async actors run on another thread than this hook, so the consumer span is
kept per message and `consumer_span_of` hands it to the actor wrapper to make current there.
"""

from __future__ import annotations

import threading

import dramatiq
from dramatiq.middleware import Middleware
from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from opentelemetry.trace import Link, Span, SpanKind, Status, StatusCode

from workers.message_options import TENANT_ID, TRACE_CONTEXT

tracer = trace.get_tracer("concord.workers")
_consumer_spans: dict[str, Span] = {}
_lock = threading.Lock()


def _attributes(message: dramatiq.Message, operation: str) -> dict[str, str]:
    attributes = {
        "messaging.system": "dramatiq",
        "messaging.operation.type": operation,
        "messaging.destination.name": message.queue_name,
        "messaging.message.id": message.message_id,
        "dramatiq.actor": message.actor_name,
    }
    if message.options.get(TENANT_ID):
        attributes["tenant.id"] = str(message.options[TENANT_ID])
    return attributes


class MessageTracing(Middleware):
    def before_enqueue(self, broker: dramatiq.Broker, message: dramatiq.Message, delay: int) -> None:
        if message.options.get("retries"):
            return  # a retry keeps the context of the message's first send
        # A message may bring the context it belongs to (the outbox relay sends the recording
        # transaction's); otherwise the sender's current span is the parent.
        parent = propagate.extract(message.options[TRACE_CONTEXT]) if message.options.get(TRACE_CONTEXT) else None
        with tracer.start_as_current_span(
            f"send {message.queue_name}", context=parent, kind=SpanKind.PRODUCER, attributes=_attributes(message, "send")
        ):
            carrier: dict[str, str] = {}
            propagate.inject(carrier)
            message.options[TRACE_CONTEXT] = carrier

    def before_process_message(self, broker: dramatiq.Broker, message: dramatiq.Message) -> None:
        parent = propagate.extract(message.options.get(TRACE_CONTEXT) or {})
        creation = trace.get_current_span(parent).get_span_context()
        span = tracer.start_span(
            f"process {message.queue_name}",
            context=parent,
            kind=SpanKind.CONSUMER,
            attributes={**_attributes(message, "process"), "dramatiq.retries": message.options.get("retries", 0)},
            links=[Link(creation)] if creation.is_valid else None,
        )
        with _lock:
            _consumer_spans[message.message_id] = span

    def after_process_message(self, broker, message, *, result=None, exception=None) -> None:
        span = self._pop(message)
        if span is not None and exception is not None:
            span.record_exception(exception)
            span.set_status(Status(StatusCode.ERROR, type(exception).__name__))
        if span is not None:
            span.end()

    def after_skip_message(self, broker: dramatiq.Broker, message: dramatiq.Message) -> None:
        span = self._pop(message)
        if span is not None:
            span.set_attribute("dramatiq.skipped", True)
            span.end()

    @staticmethod
    def _pop(message: dramatiq.Message) -> Span | None:
        with _lock:
            return _consumer_spans.pop(message.message_id, None)


def consumer_context_of(message: dramatiq.Message) -> otel_context.Context:
    """The context whose current span is the message's consumer span (for the actor's own spans)."""
    with _lock:
        span = _consumer_spans.get(message.message_id)
    return trace.set_span_in_context(span) if span is not None else otel_context.get_current()
