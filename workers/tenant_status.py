"""Whether a tenant may run work now, asked from a worker thread."""

from __future__ import annotations

import uuid

from dramatiq.asyncio import get_event_loop_thread

from tenants import lifecycle


def tenant_is_active(tenant_id: uuid.UUID) -> bool:
    """True unless the tenant is suspended or gone; runs the query on the actors' event loop."""
    return get_event_loop_thread().run_coroutine(lifecycle.is_tenant_active(tenant_id=tenant_id))
