"""The event loop the demo data is seeded on."""

from __future__ import annotations

import asyncio


def seeding_runner() -> asyncio.Runner:
    """A runner on uvloop when it is installed (uvicorn[standard] brings it, and serves on it too).

    Seeding is millions of short statements, each a round trip through aiosqlite's thread; uvloop's
    cheaper wake-ups make the whole load markedly faster, most of all on a busy machine.
    """
    try:
        import uvloop
    except ImportError:
        return asyncio.Runner()
    return asyncio.Runner(loop_factory=uvloop.new_event_loop)
