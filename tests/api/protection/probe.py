"""The real graph plus fields that misbehave on purpose, behind the real app: what does a client see?"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
import strawberry
from strawberry.tools import merge_types

from api import schema as real
from api.errors import CodedError, ErrorCode
from domain.crm import service as crm_service
from infra.settings import Settings
from tests.conftest import GraphQLClient, graphql_client

LEAKY_MESSAGE = 'relation "customers" does not exist: SELECT name FROM customers WHERE tenant_id = 42'


@strawberry.type
class ProbeQuery:
    @strawberry.field
    def boom(self) -> str | None:
        raise RuntimeError(LEAKY_MESSAGE)

    @strawberry.field
    def refused(self) -> str | None:
        raise CodedError(ErrorCode.FORBIDDEN, "refused on purpose")

    @strawberry.field
    async def slow(self, seconds: float) -> str:
        await asyncio.sleep(seconds)
        return "done"


@strawberry.type
class ProbeMutation:
    @strawberry.mutation
    async def create_customer_slowly(self, name: str, seconds: float) -> str:
        await crm_service.create_customer(name=name)
        await asyncio.sleep(seconds)
        return name


def build_probe_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The real schema's types, extensions and config, with the probe fields added to its roots."""
    built = real.build_schema(settings)
    return strawberry.Schema(
        query=merge_types("Query", (real.Query, ProbeQuery)),
        mutation=merge_types("Mutation", (real.Mutation, ProbeMutation)),
        types=real.NODE_TYPES,
        extensions=built.extensions,
        config=built.config,
    )


@asynccontextmanager
async def probe_client(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, **overrides: object
) -> AsyncIterator[GraphQLClient]:
    """A client of the real app (settings with `overrides`) serving the probe schema."""
    monkeypatch.setattr("api.app.build_schema", build_probe_schema)
    async with graphql_client(settings, **overrides) as client:
        yield client
