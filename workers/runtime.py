"""Running Dramatiq workers in this process: for `concord worker`, and in-process for the demo."""

from __future__ import annotations

import asyncio
import importlib
import logging
from dataclasses import dataclass

import dramatiq
from dramatiq.asyncio import EventLoopThread, set_event_loop_thread

from infra.db import close_database, open_database
from infra.settings import Settings
from workers.actors.bots import close_bot_runtime
from workers.background import BackgroundLoops
from workers.event_loop import borrow_event_loop, own_event_loop
from workers.queue_depth import QUEUE_DEPTH

log = logging.getLogger(__name__)
ACTOR_PACKAGE = "workers.actors"
STOP_TIMEOUT_MS = 4000


def use_broker(broker: dramatiq.Broker) -> None:
    """Make `broker` this process's broker and move Concord's actors onto it.

    Actors bind to a broker when declared; a process that builds its broker later (or a test that
    builds several) re-binds them here.
    """
    dramatiq.set_broker(broker)
    package = importlib.import_module(ACTOR_PACKAGE)
    for module_name in getattr(package, "ACTOR_MODULES", ()):
        module = importlib.import_module(module_name)
        for value in vars(module).values():
            if isinstance(value, dramatiq.Actor) and value.broker is not broker:
                value.broker = broker
                broker.declare_actor(value)


@dataclass
class WorkerRuntime:
    worker: dramatiq.Worker
    loop_thread: EventLoopThread
    owns_loop: bool
    background: BackgroundLoops

    def stop(self) -> None:
        """Stop the relay and scheduler, stop taking messages, let running ones finish within the
        timeout, release what we opened."""
        self.background.stop()
        self.worker.stop(timeout=STOP_TIMEOUT_MS)
        if QUEUE_DEPTH.broker is self.worker.broker:
            QUEUE_DEPTH.broker = None
        self.loop_thread.run_coroutine(close_bot_runtime())
        if self.owns_loop:
            self.loop_thread.run_coroutine(close_database())
            self.loop_thread.stop()
        set_event_loop_thread(None)
        log.info("worker stopped")


def start_worker(
    settings: Settings,
    broker: dramatiq.Broker,
    *,
    threads: int,
    loop: asyncio.AbstractEventLoop | None = None,
    relay: bool = False,
    scheduler: bool = False,
    relay_interval: float = 0.5,
    scheduler_interval: float = 15.0,
) -> WorkerRuntime:
    """Start `threads` worker threads on `broker`, and with `relay`/`scheduler` the outbox relay and
    the scheduler on the actors' event loop (`concord worker` and the demo run both).

    With `loop` (the demo), async actors share that running loop and its database connections;
    without it, they get a loop thread of their own, connected to the database here.
    """
    use_broker(broker)
    if loop is None:
        loop_thread = own_event_loop()
        loop_thread.run_coroutine(open_database(settings))
    else:
        loop_thread = borrow_event_loop(loop)
    worker = dramatiq.Worker(broker, worker_threads=threads, worker_timeout=200)
    worker.start()
    QUEUE_DEPTH.broker = broker
    background = BackgroundLoops(loop_thread)
    if relay or scheduler:
        from workers.actors.events import publish_event

        background.start(
            publish=publish_event if relay else None, scheduler=scheduler,
            relay_interval=relay_interval, scheduler_interval=scheduler_interval,
            notices_url=settings.database_url if settings.database_url.startswith("postgres") else None,
        )
    log.info("worker started", extra={"threads": threads, "broker": settings.broker_kind, "relay": relay, "scheduler": scheduler})
    return WorkerRuntime(worker=worker, loop_thread=loop_thread, owns_loop=loop is None, background=background)
