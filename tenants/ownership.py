"""The base of every tenant-owned model, and the scoped queries that reach them."""

from __future__ import annotations

from typing import TypeVar

from tortoise import fields
from tortoise.models import Model
from tortoise.queryset import QuerySet

from tenants.context import current_tenant_id

M = TypeVar("M", bound="TenantOwnedModel")


class TenantOwnedModel(Model):
    """A row that belongs to one tenant, reached only through `scoped()` (wall 1) and RLS (wall 2).

    Model docstrings become SQL table comments, and Tortoise splits SQLite DDL on semicolons:
    keep semicolons out of them.
    """

    id = fields.UUIDField(primary_key=True)
    tenant: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "concord.Tenant", related_name=False, on_delete=fields.CASCADE, db_index=False
    )
    tenant_id: object  # the column behind `tenant`, filled from the tenant context
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        abstract = True


def scoped(model: type[M]) -> QuerySet[M]:
    """All rows of `model` that belong to the tenant of the current request, job or bot run."""
    return model.filter(tenant_id=current_tenant_id())


async def create_owned(model: type[M], **values: object) -> M:
    """Insert a row owned by the current tenant; a caller cannot choose another tenant."""
    if "tenant_id" in values:
        raise ValueError("tenant_id comes from the tenant context, not from the caller")
    return await model.create(tenant_id=current_tenant_id(), **values)
