"""Domain tests: each module still gets a fresh database, cloned from one migrated template per backend.

Applying the migrations costs seconds per database once there are many models (Tortoise re-renders
its whole model state for every operation), so the migrated schema is built once per session and
copied: a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from tests.databases import TestDatabase, create_postgres_database, drop_postgres_database, migrate, sqlite_database
from tests.services import POSTGRES_URL_ENV, require_service


def _renamed(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def _database_name(database: TestDatabase) -> str:
    return urlsplit(database.owner_url).path.lstrip("/")


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

    def close(self) -> None:
        if "postgres" in self.built:
            asyncio.run(drop_postgres_database(self.built["postgres"]))


@pytest.fixture(scope="session")
def migrated_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    templates = Templates(tmp_path_factory.mktemp("template"))
    try:
        yield templates
    finally:
        templates.close()


async def _clone_postgres(template: TestDatabase) -> TestDatabase:
    name = f"concord_test_{uuid.uuid4().hex[:12]}"
    server = _renamed(template.owner_url, "postgres").replace("postgres://", "postgresql://", 1)
    connection = await asyncpg.connect(server)
    try:
        await connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{_database_name(template)}"')
    finally:
        await connection.close()
    return TestDatabase(url=_renamed(template.url, name), owner_url=_renamed(template.owner_url, name))


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def test_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, migrated_templates: Templates
) -> Iterator[TestDatabase]:
    """A freshly migrated database for this test module, on SQLite and on a real PostgreSQL."""
    if request.param == "postgres":
        require_service(POSTGRES_URL_ENV)
    template = migrated_templates.get(request.param)
    if request.param == "sqlite":
        directory = tmp_path_factory.mktemp("db")
        shutil.copy(template.url.removeprefix("sqlite://"), directory / "concord.sqlite3")
        yield sqlite_database(directory)
        return
    database = asyncio.run(_clone_postgres(template))
    try:
        yield database
    finally:
        asyncio.run(drop_postgres_database(database))
