"""The outbox relay: publishes committed domain events to the broker, tenant by tenant.

An event leaves the outbox only when the broker took it; if the broker is down the event stays
and the next pass tries again, so nothing recorded is ever lost. Publishing twice is harmless:
the message carries the event's idempotency key and its effects are claimed once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from domain import outbox
from domain.automation.events import NOTIFICATION_ONLY
from domain.outbox.models import OutboxEvent
from tenants import lifecycle
from tenants.context import tenant_transaction
from workers.middleware.metrics import OUTBOX_LAG_SECONDS

log = logging.getLogger(__name__)
BATCH = 100

Publish = Callable[[OutboxEvent], None]


async def relay_once(publish: Publish) -> int:
    """One pass over every active tenant's pending events; returns how many were published.

    Sets the outbox lag gauge to the age of the oldest event still pending after the pass.
    """
    published, lag = 0, 0.0
    for tenant_id in await lifecycle.active_tenant_ids():
        moved, waiting = await _relay_tenant(tenant_id, publish)
        published += moved
        lag = max(lag, waiting or 0.0)
    OUTBOX_LAG_SECONDS.set(lag)
    return published


async def _relay_tenant(tenant_id, publish: Publish) -> tuple[int, float | None]:
    published = 0
    async with tenant_transaction(tenant_id):
        for event in await outbox.pending_events(limit=BATCH):
            if event.event_type not in NOTIFICATION_ONLY:
                try:
                    await asyncio.to_thread(publish, event)
                except Exception as error:  # whatever the broker client raises: keep the event for later
                    await outbox.mark_publish_failed(event=event, error=f"{type(error).__name__}: {error}")
                    log.warning("outbox relay: broker refused an event, will retry", extra={"event_type": event.event_type})
                    break  # keep the tenant's events in order
            await outbox.mark_published(event=event)
            published += 1
        waiting = await outbox.oldest_pending_age_seconds()
    return published, waiting


async def run_relay(publish: Publish, *, stop: asyncio.Event, interval_seconds: float = 0.5) -> None:
    """Relay until `stop` is set, pausing between passes that found nothing."""
    while not stop.is_set():
        try:
            moved = await relay_once(publish)
        except Exception:  # a database hiccup must not end the relay
            log.exception("outbox relay pass failed")
            moved = 0
        if not moved:
            try:
                await asyncio.wait_for(stop.wait(), interval_seconds)
            except TimeoutError:
                pass


async def settle_history() -> int:
    """Mark every pending event published without sending it: for data loaded as history (the demo's
    seed), whose events describe the past and must not start automations. Returns how many."""
    settled = 0
    for tenant_id in await lifecycle.active_tenant_ids():
        async with tenant_transaction(tenant_id):
            while events := await outbox.pending_events(limit=BATCH):
                for event in events:
                    await outbox.mark_published(event=event)
                settled += len(events)
    return settled
