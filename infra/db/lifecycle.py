"""Opening and closing the database, applying migrations, and asking whether it answers."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from tortoise import Tortoise, connections
from tortoise.backends.base.executor import EXECUTOR_CACHE
from tortoise.migrations.api.migrate import migrate

from infra.db.config import tortoise_config
from infra.db.roles import UnsafeDatabaseRole, check_application_role, grant_application_role, role_of
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
        raise DatabaseUnavailable(_explain("CONCORD_DATABASE_URL", settings.database_url, exc)) from None
    if settings.database_is_postgres:
        try:
            await check_application_role(settings)
        except UnsafeDatabaseRole:
            await close_database()
            raise


async def close_database() -> None:
    await Tortoise.close_connections()


async def check_database() -> None:
    """Run a trivial statement; raises when the database does not answer."""
    await connections.get("default").execute_query("SELECT 1")


async def run_migrations(settings: Settings) -> list[str]:
    """Apply the committed migrations as the schema owner; returns the names of those applied now.

    When the owner (`CONCORD_MIGRATION_DATABASE_URL`) differs from the application role
    (`CONCORD_DATABASE_URL`), the application role is granted use of the tables afterwards.
    """
    owner_url = settings.migration_database_url or settings.database_url
    owner_settings = settings.model_copy(update={"database_url": owner_url})
    applied: list[str] = []

    def progress(event: str, app_label: str, name: str) -> None:
        if event == "apply_done":
            applied.append(name)

    EXECUTOR_CACHE.clear()
    try:
        await migrate(config=tortoise_config(owner_settings), progress=progress)
        app_role = role_of(settings.database_url)
        if settings.database_is_postgres and app_role and app_role != role_of(owner_url):
            await grant_application_role(app_role)
    except OSError as exc:
        setting = "CONCORD_MIGRATION_DATABASE_URL" if settings.migration_database_url else "CONCORD_DATABASE_URL"
        raise DatabaseUnavailable(_explain(setting, owner_url, exc)) from None
    finally:
        await Tortoise.close_connections()
    return applied


def _explain(setting: str, url: str, exc: Exception) -> str:
    parts = urlsplit(url)
    where = f"{parts.scheme}://{parts.hostname or ''}{':' + str(parts.port) if parts.port else ''}{parts.path}"
    return f"{setting}={where!r}: database unavailable ({type(exc).__name__}: {exc})"
