"""Throwaway databases for tests: one per test module, migrated from the committed migrations.

On PostgreSQL the schema is migrated by the server's owner role and the application connects as
`concord_app`, a role without SUPERUSER or BYPASSRLS, so row-level security is in force as in production.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from infra.db import run_migrations
from infra.settings import load_settings

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
    name = urlsplit(database.owner_url).path.lstrip("/")
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
