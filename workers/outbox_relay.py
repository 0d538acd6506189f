"""The outbox relay: publishes committed domain events to the broker, tenant by tenant.

On PostgreSQL it is woken by the tenants whose events commit (workers.outbox_wakeups); on SQLite it
polls every tenant.

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
from workers.outbox_wakeups import OutboxWakeups

log = logging.getLogger(__name__)
BATCH = 100
SWEEP_SECONDS = 30.0  # with wakeups: how often every tenant is visited all the same

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


async def run_relay(
    publish: Publish,
    *,
    stop: asyncio.Event,
    interval_seconds: float = 0.5,
    wakeups: OutboxWakeups | None = None,
    sweep_seconds: float = SWEEP_SECONDS,
) -> None:
    """Relay until `stop` is set. Without `wakeups` (SQLite), every pass visits every active tenant and
    passes that found nothing pause `interval_seconds`; with them, see `_relay_on_wakeups`."""
    if wakeups is not None:
        await _relay_on_wakeups(publish, stop=stop, wakeups=wakeups, retry_seconds=interval_seconds, sweep_seconds=sweep_seconds)
        return
    while not stop.is_set():
        try:
            moved = await relay_once(publish)
        except Exception:  # a database hiccup must not end the relay
            log.exception("outbox relay pass failed")
            moved = 0
        if not moved:
            await _pause(stop, interval_seconds)


async def _relay_on_wakeups(
    publish: Publish, *, stop: asyncio.Event, wakeups: OutboxWakeups, retry_seconds: float, sweep_seconds: float
) -> None:
    """Visit the tenants whose events committed (PostgreSQL's notices), those left with events to send
    (a full batch, a broker that refused) every `retry_seconds`, and every active tenant every
    `sweep_seconds` and whenever the notices may have been missed: the load follows the events, not
    the number of tenants. A suspended tenant's notices are not followed until it is active again."""
    loop = asyncio.get_running_loop()
    active: set = set()
    lags: dict = {}
    again: set = set()
    next_sweep = loop.time()
    while not stop.is_set():
        try:
            if wakeups.lost or loop.time() >= next_sweep:
                wakeups.lost = False
                wakeups.take()
                active = set(await lifecycle.active_tenant_ids())
                visit, lags = set(active), {}
                next_sweep = loop.time() + sweep_seconds
            else:
                visit = again | wakeups.take()
                for tenant_id in visit - active:
                    if await lifecycle.is_tenant_active(tenant_id=tenant_id):
                        active.add(tenant_id)  # created since the sweep
                visit &= active
            again = set()
            for tenant_id in visit:
                moved, waiting = await _relay_tenant(tenant_id, publish)
                lags[tenant_id] = waiting or 0.0
                if waiting:
                    again.add(tenant_id)
            OUTBOX_LAG_SECONDS.set(max(lags.values(), default=0.0))
        except Exception:  # a database hiccup must not end the relay
            log.exception("outbox relay pass failed")
            again = set(active)
        if again:
            await _pause(stop, retry_seconds)
        else:
            await _pause_until_woken(stop, wakeups, max(next_sweep - loop.time(), 0.0))


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        pass


async def _pause_until_woken(stop: asyncio.Event, wakeups: OutboxWakeups, seconds: float) -> None:
    waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(wakeups.changed.wait())]
    try:
        await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()


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
