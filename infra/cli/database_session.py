"""Running one administrative coroutine against the database, then closing it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from infra.db import close_database, open_database
from infra.settings import Settings

T = TypeVar("T")


def run_with_database(settings: Settings, work: Callable[[], Awaitable[T]]) -> T:
    async def run() -> T:
        await open_database(settings)
        try:
            return await work()
        finally:
            await close_database()

    return asyncio.run(run())
