"""Opening and closing the database, applying migrations, and asking whether it answers."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from tortoise import Tortoise, connections
from tortoise.backends.base.executor import EXECUTOR_CACHE
from tortoise.migrations.api.migrate import migrate

from infra.db.config import tortoise_config
from infra.settings import Settings

log = logging.getLogger(__name__)


class DatabaseUnavailable(Exception):
    """The database cannot be reached; the message says where and why, without credentials."""


async def open_database(settings: Settings) -> None:
    """Connect Tortoise to the configured database and check that it answers."""
    # Tortoise caches each table's INSERT/UPDATE SQL by connection name, not by dialect: a process
    # that reconnects to another kind of database (the test suite does) must start without it.
    EXECUTOR_CACHE.clear()
    try:
        await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
        await check_database()
    except Exception as exc:  # every driver raises its own error types
        await close_database()
        raise DatabaseUnavailable(_explain(settings, exc)) from None


async def close_database() -> None:
    await Tortoise.close_connections()


async def check_database() -> None:
    """Run a trivial statement; raises when the database does not answer."""
    await connections.get("default").execute_query("SELECT 1")


async def run_migrations(settings: Settings) -> list[str]:
    """Apply the committed migrations; returns the names of those applied now."""
    applied: list[str] = []

    def progress(event: str, app_label: str, name: str) -> None:
        if event == "apply_done":
            applied.append(name)

    try:
        await migrate(config=tortoise_config(settings), progress=progress)
    except OSError as exc:
        raise DatabaseUnavailable(_explain(settings, exc)) from None
    finally:
        await Tortoise.close_connections()
    return applied


def _explain(settings: Settings, exc: Exception) -> str:
    parts = urlsplit(settings.database_url)
    where = f"{parts.scheme}://{parts.hostname or ''}{':' + str(parts.port) if parts.port else ''}{parts.path}"
    return f"CONCORD_DATABASE_URL={where!r}: database unavailable ({type(exc).__name__}: {exc})"
