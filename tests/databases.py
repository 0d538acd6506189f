"""Throwaway databases for tests: one per test module, migrated from the committed migrations."""

from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from infra.db import run_migrations
from infra.settings import load_settings


def database_named(server_url: str, name: str) -> str:
    parts = urlsplit(server_url)
    return urlunsplit(("postgres", parts.netloc, f"/{name}", parts.query, ""))


async def create_postgres_database(server_url: str) -> str:
    """Create an empty database on the server at `server_url`; returns its URL."""
    name = f"concord_test_{uuid.uuid4().hex[:12]}"
    connection = await asyncpg.connect(database_named(server_url, "postgres").replace("postgres://", "postgresql://", 1))
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return database_named(server_url, name)


async def drop_postgres_database(url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    admin_url = database_named(url, "postgres").replace("postgres://", "postgresql://", 1)
    connection = await asyncpg.connect(admin_url)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


def sqlite_database(directory: Path) -> str:
    return f"sqlite://{directory / 'concord.sqlite3'}"


async def migrate(url: str) -> None:
    await run_migrations(load_settings(database_url=url))
