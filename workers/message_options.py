"""The options every Concord message carries, and reading them back."""

from __future__ import annotations

import uuid

from dramatiq import Message

TENANT_ID = "tenant_id"
TRACE_CONTEXT = "trace_context"  # W3C trace context headers: traceparent (and tracestate)
IDEMPOTENCY_KEY = "idempotency_key"
CONCORD_OPTIONS = frozenset({TENANT_ID, TRACE_CONTEXT, IDEMPOTENCY_KEY})


def tenant_of(message: Message) -> uuid.UUID | None:
    """The message's tenant, or None when it has none or an unreadable one."""
    try:
        return uuid.UUID(str(message.options[TENANT_ID]))
    except (KeyError, ValueError):
        return None


def idempotency_key_of(message: Message) -> str:
    """The key the message's effect is recorded under; a redelivered message keeps its id."""
    return str(message.options.get(IDEMPOTENCY_KEY) or message.message_id)
