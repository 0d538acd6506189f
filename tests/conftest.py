"""Fixtures every tier shares: settings, a migrated database per module on each backend (cloned from a
session template), an API client."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx
import pytest
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from infra.db import close_database, open_database
from infra.logging import register_tenant_lookup
from infra.settings import Settings, load_settings
from infra.telemetry import configure_tracing
from tests.databases import Templates, TestDatabase, clone_postgres, drop_postgres_database
from tests.services import POSTGRES_URL_ENV, require_service

_span_exporter = InMemorySpanExporter()


def pytest_configure(config: pytest.Config) -> None:
    from tenants.context import peek_tenant_id

    provider = configure_tracing(load_settings(), role="test")
    provider.add_span_processor(SimpleSpanProcessor(_span_exporter))
    register_tenant_lookup(peek_tenant_id)


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    """Spans finished during the test, in memory."""
    _span_exporter.clear()
    yield _span_exporter
    _span_exporter.clear()


@pytest.fixture(scope="session")
def migrated_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    """One migrated template per backend for the whole session (see tests/databases.py)."""
    templates = Templates(tmp_path_factory.mktemp("template"))
    try:
        yield templates
    finally:
        templates.close()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def test_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, migrated_templates: Templates
) -> Iterator[TestDatabase]:
    """A freshly migrated database for this test module, on SQLite and on a real PostgreSQL."""
    if request.param == "postgres":
        require_service(POSTGRES_URL_ENV)
    database = migrated_templates.clone(request.param, tmp_path_factory.mktemp("db"))
    try:
        yield database
    finally:
        if database.is_postgres:
            asyncio.run(drop_postgres_database(database))


@pytest.fixture(scope="module")
def postgres_database(migrated_templates: Templates) -> Iterator[TestDatabase]:
    """A module's database on PostgreSQL alone, for tests of the production pair (a real broker beside
    it); such a module returns it from its own `test_database` fixture."""
    require_service(POSTGRES_URL_ENV)
    database = asyncio.run(clone_postgres(migrated_templates.get("postgres")))
    try:
        yield database
    finally:
        asyncio.run(drop_postgres_database(database))


@pytest.fixture
def database_url(test_database: TestDatabase) -> str:
    """The URL the application connects with (the application role on PostgreSQL)."""
    return test_database.url


@pytest.fixture
def settings(test_database: TestDatabase) -> Settings:
    return load_settings(
        database_url=test_database.url, migration_database_url=test_database.owner_url, broker_url="stub://"
    )


@pytest.fixture
async def db(settings: Settings) -> AsyncIterator[Settings]:
    """Tortoise connected to this module's database for the duration of one test."""
    await open_database(settings)
    try:
        yield settings
    finally:
        await close_database()


@dataclass
class TenantFixture:
    id: uuid.UUID
    slug: str
    api_key: str


async def make_tenant(name: str = "Test Tenant") -> TenantFixture:
    from tenants import lifecycle as tenant_lifecycle

    slug = f"t-{uuid.uuid4().hex[:10]}"
    created = await tenant_lifecycle.create_tenant(slug=slug, name=name)
    return TenantFixture(id=created.tenant.id, slug=slug, api_key=created.api_key)


@pytest.fixture
async def tenant(db: Settings) -> TenantFixture:
    return await make_tenant("Acme Test")


@pytest.fixture
async def other_tenant(db: Settings) -> TenantFixture:
    return await make_tenant("Globex Test")


class GraphQLClient:
    """Posts operations to the app in-process, as a tenant's client would over HTTP."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def post(self, query: str, variables: dict | None = None, *, api_key: str | None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        return await self.http.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)

    async def execute(self, query: str, variables: dict | None = None, *, api_key: str) -> dict:
        """The `data` of a successful operation; fails the test on any error."""
        response = await self.post(query, variables, api_key=api_key)
        body = response.json()
        assert response.status_code == 200 and not body.get("errors"), body
        return body["data"]


@pytest.fixture
async def graphql(db: Settings) -> AsyncIterator[GraphQLClient]:
    async with graphql_client(db) as client:
        yield client


@asynccontextmanager
async def graphql_client(settings: Settings, **overrides: object) -> AsyncIterator[GraphQLClient]:
    """A client of an app built from `settings` with `overrides` (each app has its own rate limits)."""
    from api.app import create_app

    app = create_app(settings.model_copy(update=overrides), manage_database=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://concord.test") as http:
        yield GraphQLClient(http)
