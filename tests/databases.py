"""Throwaway databases for tests: one per test module, cloned from a template migrated once per session.

Applying the migrations costs seconds per database once there are many models (Tortoise re-renders
its whole model state for every operation), so the committed migrations are applied once per backend
and session to a template, and each test module gets a copy: a file copy on SQLite,
`CREATE DATABASE … TEMPLATE` on PostgreSQL.

On PostgreSQL the schema is migrated by the server's owner role and the application connects as
`concord_app`, a role without SUPERUSER or BYPASSRLS, so row-level security is in force as in production.
"""

from __future__ import annotations

import asyncio
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from infra.db import run_migrations
from infra.settings import load_settings
from tests.services import POSTGRES_URL_ENV, require_service

APP_ROLE = "concord_app"


@dataclass(frozen=True)
class TestDatabase:
    url: str  # what the application connects with
    owner_url: str  # what migrations run as

    @property
    def is_postgres(self) -> bool:
        return self.url.startswith("postgres")


def _with(server_url: str, *, name: str, user: str | None = None) -> str:
    parts = urlsplit(server_url)
    netloc = parts.netloc if user is None else f"{user}@{parts.hostname}:{parts.port or 5432}"
    return urlunsplit(("postgres", netloc, f"/{name}", parts.query, ""))


def _asyncpg(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


async def create_postgres_database(server_url: str) -> TestDatabase:
    """An empty database on the server at `server_url`, and the application role to use it."""
    name = f"concord_test_{uuid.uuid4().hex[:12]}"
    connection = await asyncpg.connect(_asyncpg(_with(server_url, name="postgres")))
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
        exists = await connection.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", APP_ROLE)
        if not exists:
            try:
                await connection.execute(f"CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS")
            except asyncpg.DuplicateObjectError:
                pass  # another test run created it first
    finally:
        await connection.close()
    return TestDatabase(url=_with(server_url, name=name, user=APP_ROLE), owner_url=_with(server_url, name=name))


async def drop_postgres_database(database: TestDatabase) -> None:
    name = _database_name(database)
    connection = await asyncpg.connect(_asyncpg(_with(database.owner_url, name="postgres")))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


def sqlite_database(directory: Path) -> TestDatabase:
    url = f"sqlite://{directory / 'concord.sqlite3'}"
    return TestDatabase(url=url, owner_url=url)


async def migrate(database: TestDatabase) -> None:
    await run_migrations(load_settings(database_url=database.url, migration_database_url=database.owner_url))


def _database_name(database: TestDatabase) -> str:
    return urlsplit(database.owner_url).path.lstrip("/")


def _renamed(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


class Templates:
    """Migrated template databases, built on first use and dropped at the end of the session."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.built: dict[str, TestDatabase] = {}

    def get(self, backend: str) -> TestDatabase:
        if backend not in self.built:
            if backend == "sqlite":
                database = sqlite_database(self.directory)
            else:
                database = asyncio.run(create_postgres_database(require_service(POSTGRES_URL_ENV)))
            self.built[backend] = database  # registered before migrating so a failure still drops it
            asyncio.run(migrate(database))
        return self.built[backend]

    def clone(self, backend: str, directory: Path) -> TestDatabase:
        """A fresh copy of the migrated template; on SQLite it is written into `directory`."""
        template = self.get(backend)
        if backend == "sqlite":
            shutil.copy(template.url.removeprefix("sqlite://"), directory / "concord.sqlite3")
            return sqlite_database(directory)
        return asyncio.run(clone_postgres(template))

    def close(self) -> None:
        if "postgres" in self.built:
            asyncio.run(drop_postgres_database(self.built["postgres"]))


async def clone_postgres(template: TestDatabase) -> TestDatabase:
    """A new database on the template's server, created as a copy of it."""
    name = f"concord_test_{uuid.uuid4().hex[:12]}"
    connection = await asyncpg.connect(_asyncpg(_renamed(template.owner_url, "postgres")))
    try:
        await connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{_database_name(template)}"')
    finally:
        await connection.close()
    return TestDatabase(url=_renamed(template.url, name), owner_url=_renamed(template.owner_url, name))
