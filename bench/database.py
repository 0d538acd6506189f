"""The bench databases: a template migrated once by `concord migrate`, cloned fresh for each pair.

As in production, the schema owner (the server's superuser here) migrates and the servers connect as
`concord_bench_app`, a role without SUPERUSER or BYPASSRLS, so row-level security is in force for
Concord and for the baselines alike. The template's name carries a hash of the migrations, so a new
migration gets a new template and an unchanged tree reuses the last one.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg

ROOT = Path(__file__).resolve().parent.parent
SERVER_URL = os.environ.get("CONCORD_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("CONCORD_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
APP_ROLE = "concord_bench_app"


@dataclass(frozen=True)
class BenchDatabase:
    name: str
    owner_url: str  # migrations, seeding of platform rows, and the statistics views
    app_url: str  # what Concord and the baselines connect as (RLS applies)

    @property
    def owner_dsn(self) -> str:
        return asyncpg_dsn(self.owner_url)

    @property
    def app_dsn(self) -> str:
        return asyncpg_dsn(self.app_url)


def asyncpg_dsn(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


def url_for(name: str, *, user: str | None = None) -> str:
    parts = urlsplit(SERVER_URL)
    netloc = parts.netloc if user is None else f"{user}@{parts.hostname}:{parts.port or 5432}"
    return urlunsplit(("postgres", netloc, f"/{name}", "", ""))


def _migrations_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "infra" / "migrations").rglob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


async def _admin() -> asyncpg.Connection:
    return await asyncpg.connect(asyncpg_dsn(url_for("postgres")))


async def _ensure_app_role(connection: asyncpg.Connection) -> None:
    if not await connection.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", APP_ROLE):
        try:
            await connection.execute(f"CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS")
        except asyncpg.DuplicateObjectError:
            pass


async def _template() -> str:
    """The migrated template's name, migrating it first when this tree's migrations are new."""
    name = f"concord_bench_tpl_{_migrations_digest()}"
    connection = await _admin()
    try:
        await _ensure_app_role(connection)
        if await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            return name
        for (stale,) in await connection.fetch("SELECT datname FROM pg_database WHERE datname LIKE 'concord_bench_tpl_%'"):
            await connection.execute(f'DROP DATABASE IF EXISTS "{stale}" WITH (FORCE)')
        building = f"{name}_building"
        await connection.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{building}"')
    finally:
        await connection.close()
    _concord_migrate(building)
    connection = await _admin()
    try:
        await connection.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    finally:
        await connection.close()
    return name


def _concord_migrate(name: str) -> None:
    """`concord migrate` as the owner, granting the app role, exactly as the README's production set-up."""
    env = {
        **os.environ,
        "CONCORD_MIGRATION_DATABASE_URL": url_for(name),
        "CONCORD_DATABASE_URL": url_for(name, user=APP_ROLE),
        "CONCORD_ENVIRONMENT": "production",
        "CONCORD_SECRET_KEY": "bench-" + "x" * 40,
        "CONCORD_LOG_LEVEL": "WARNING",
    }
    done = subprocess.run([str(Path(sys.executable).parent / "concord"), "migrate"], env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"concord migrate failed:\n{done.stdout}{done.stderr}")


async def fresh_database(pair: str) -> BenchDatabase:
    """An empty, migrated database for one pair (dropped and cloned again on every run)."""
    template = await _template()
    name = f"concord_bench_{pair.replace('-', '_')}"
    connection = await _admin()
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    finally:
        await connection.close()
    return BenchDatabase(name=name, owner_url=url_for(name), app_url=url_for(name, user=APP_ROLE))


async def drop_database(database: BenchDatabase) -> None:
    connection = await _admin()
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{database.name}" WITH (FORCE)')
    finally:
        await connection.close()


def _server_log() -> Path | None:
    configured = os.environ.get("CONCORD_BENCH_POSTGRES_LOG")
    if configured:
        return Path(configured)
    candidates = sorted(Path("/var/log/postgresql").glob("postgresql-*-main.log"))
    return candidates[-1] if candidates else None


class StatementLog:
    """Counts the SQL statements PostgreSQL runs for one database, from its own log.

    `log_statement = 'all'` is set on the bench database only (a new connection picks it up, so
    start the servers after `enable`); Debian's log_line_prefix names `user@database` on each line,
    so lines of other databases on the server are not counted. Counting on the server sees every
    statement whichever driver or ORM sent it (asyncpg logs an `execute` per run of a prepared one).
    """

    def __init__(self, database: BenchDatabase) -> None:
        self.database = database
        self.path = _server_log()
        self.marker = f"@{database.name} "
        self._offset = 0

    @property
    def available(self) -> bool:
        return self.path is not None and os.access(self.path, os.R_OK)

    async def enable(self) -> None:
        connection = await _admin()
        try:
            await connection.execute(f'ALTER DATABASE "{self.database.name}" SET log_statement = \'all\'')
        finally:
            await connection.close()

    async def disable(self) -> None:
        connection = await _admin()
        try:
            await connection.execute(f'ALTER DATABASE "{self.database.name}" RESET log_statement')
        finally:
            await connection.close()

    def mark(self) -> None:
        self._offset = self.path.stat().st_size if self.available else 0

    def statements(self) -> list[str]:
        """The statements logged for this database since `mark`."""
        if not self.available:
            return []
        with self.path.open("rb") as handle:
            handle.seek(self._offset)
            text = handle.read().decode(errors="replace")
        found = []
        for line in text.splitlines():
            if self.marker in line and ("LOG:  statement: " in line or "LOG:  execute " in line):
                found.append(line.split("LOG:  ", 1)[1])
        return found
