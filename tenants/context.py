"""The current tenant: decided once per request, job or bot run, carried in a context variable."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

_current_tenant: ContextVar[uuid.UUID | None] = ContextVar("concord_tenant_id", default=None)


class NoTenantSelected(RuntimeError):
    """Tenant data was reached outside a tenant context — a bug, never a user error."""


def current_tenant_id() -> uuid.UUID:
    """The tenant of the running request, job or bot run; raises when there is none."""
    tenant_id = _current_tenant.get()
    if tenant_id is None:
        raise NoTenantSelected("no tenant is selected for this unit of work")
    return tenant_id


def peek_tenant_id() -> uuid.UUID | None:
    """The current tenant if one is selected (for logs and spans), else None."""
    return _current_tenant.get()


@contextmanager
def selected_tenant(tenant_id: uuid.UUID) -> Iterator[None]:
    """Select `tenant_id` for the code inside (a job or bot run), without opening a transaction."""
    token = _current_tenant.set(tenant_id)
    try:
        yield
    finally:
        _current_tenant.reset(token)


@asynccontextmanager
async def tenant_transaction(tenant_id: uuid.UUID) -> AsyncIterator[BaseDBAsyncClient]:
    """Select `tenant_id` and open a transaction in which PostgreSQL RLS sees only its rows.

    `set_config(..., true)` lasts until the transaction ends, so a pooled connection never
    carries this tenant into the next unit of work.
    """
    token = _current_tenant.set(tenant_id)
    try:
        async with in_transaction() as connection:
            if connection.capabilities.dialect == "postgres":
                await connection.execute_query(
                    "SELECT set_config('app.tenant_id', $1, true)", [str(tenant_id)]
                )
            yield connection
    finally:
        _current_tenant.reset(token)
