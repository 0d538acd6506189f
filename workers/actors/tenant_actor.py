"""`@tenant_actor`: an async actor that runs as its message's tenant, inside its consumer span."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

import dramatiq
from dramatiq.asyncio import get_event_loop_thread
from dramatiq.middleware import CurrentMessage
from opentelemetry import context as otel_context

from tenants.context import selected_tenant
from workers.message_options import tenant_of
from workers.middleware.tracing import consumer_context_of

AsyncJob = Callable[..., Awaitable[Any]]


def tenant_actor(fn: AsyncJob | None = None, **options: Any):
    """Declare an async actor. It runs on the worker's event loop with the message's tenant selected
    (use `tenant_transaction(current_tenant_id())` for database work) and its spans under the consumer span.
    """

    def declare(job: AsyncJob) -> dramatiq.Actor:
        @functools.wraps(job)
        def run(*args: Any, **kwargs: Any) -> Any:
            message = CurrentMessage.get_current_message()
            tenant_id = tenant_of(message)
            span_context = consumer_context_of(message)

            async def in_context() -> Any:
                token = otel_context.attach(span_context)
                try:
                    with selected_tenant(tenant_id):
                        return await job(*args, **kwargs)
                finally:
                    otel_context.detach(token)

            return get_event_loop_thread().run_coroutine(in_context())

        return dramatiq.actor(run, actor_name=options.pop("actor_name", job.__name__), **options)

    return declare(fn) if fn is not None else declare
