"""Loops that run beside the worker threads on the actors' event loop: the outbox relay and the scheduler.

Every `concord worker` process runs both; several processes may: the relay locks the events it
publishes (and a second publication is harmless), and a schedule's slot is claimed by one process only.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

from dramatiq.asyncio import EventLoopThread

from workers.outbox_relay import Publish, run_relay
from workers.outbox_wakeups import OutboxWakeups
from workers.scheduler import run_scheduler

log = logging.getLogger(__name__)
STOP_TIMEOUT_SECONDS = 5


def process_name() -> str:
    """Who claims a schedule slot: host and process id, for the slot's record."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class BackgroundLoops:
    """The relay and scheduler tasks of one process, started and stopped from any thread."""

    loop_thread: EventLoopThread
    stop_event: asyncio.Event | None = None
    futures: list[Future] = field(default_factory=list)

    def start(
        self,
        *,
        publish: Publish | None,
        scheduler: bool,
        relay_interval: float = 0.5,
        scheduler_interval: float = 15.0,
        notices_url: str | None = None,
    ) -> None:
        """With `notices_url` (a PostgreSQL URL), the relay is woken by committed events instead of polling."""
        # Called from any thread, the loop's own included (the demo's): nothing here may wait on the loop.
        self.stop_event = asyncio.Event()  # binds to the loop on first wait
        loops: list[Callable[[], Awaitable[None]]] = []
        if publish is not None:
            loops.append(lambda: _relay(publish, stop=self.stop_event, interval_seconds=relay_interval, notices_url=notices_url))
        if scheduler:
            loops.append(lambda: run_scheduler(stop=self.stop_event, claimed_by=process_name(), interval_seconds=scheduler_interval))
        for make in loops:
            self.futures.append(asyncio.run_coroutine_threadsafe(make(), self.loop_thread.loop))
        log.info("background loops started", extra={"relay": publish is not None, "scheduler": scheduler})

    def stop(self) -> None:
        """Ask the loops to finish their pass and wait for them (a pass in flight completes or rolls back).
        Call it from another thread than the loop's."""
        if self.stop_event is None:
            return
        self.loop_thread.loop.call_soon_threadsafe(self.stop_event.set)
        for future in self.futures:
            try:
                future.result(timeout=STOP_TIMEOUT_SECONDS)
            except Exception:  # a loop that ended badly has already logged why
                log.exception("a background loop did not stop cleanly")
                future.cancel()
        self.futures.clear()
        self.stop_event = None


async def _relay(publish: Publish, *, stop: asyncio.Event, interval_seconds: float, notices_url: str | None) -> None:
    if notices_url is None:
        await run_relay(publish, stop=stop, interval_seconds=interval_seconds)
        return
    wakeups = OutboxWakeups(notices_url)
    wakeups.start()
    try:
        await run_relay(publish, stop=stop, interval_seconds=interval_seconds, wakeups=wakeups)
    finally:
        await wakeups.stop()
