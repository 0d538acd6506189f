"""The event loop async actors run on: a thread of its own in `concord worker`, the server's in the demo."""

from __future__ import annotations

import asyncio
import logging
import threading

from dramatiq.asyncio import EventLoopThread, set_event_loop_thread

log = logging.getLogger(__name__)


class BorrowedEventLoop(EventLoopThread):
    """A running loop owned by someone else (the demo's web server), lent to async actors.

    Sharing the loop lets actors use the server's database connections. It is never started
    or stopped here: its owner does that.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        threading.Thread.__init__(self, daemon=True)
        self.logger = log
        self.interrupt_check_ival = 0.1
        self.loop = loop

    def start(self, *, timeout: float | None = None) -> None:
        return None

    def stop(self) -> None:
        return None


def own_event_loop() -> EventLoopThread:
    """Start a loop thread for async actors and make it the one they use."""
    thread = EventLoopThread(log)
    thread.start(timeout=5.0)
    set_event_loop_thread(thread)
    return thread


def borrow_event_loop(loop: asyncio.AbstractEventLoop) -> EventLoopThread:
    """Make `loop`, already running, the one async actors use."""
    thread = BorrowedEventLoop(loop)
    set_event_loop_thread(thread)
    return thread
