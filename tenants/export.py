"""Exporting all of a tenant's data as JSON Lines, and deleting a tenant once that export exists (both in the
platform's audit log).

The file is a header line, one line per row (`{"table": …, "row": {…}}`), and a trailer with the
row count and a SHA-256 over every line before it, so a deletion can check the export is whole.
Secrets are exported by name and kind only: their ciphertext is useless outside Concord.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tortoise import Tortoise
from tortoise.transactions import in_transaction

from tenants.credential_changes import Affected, announce
from tenants.audit import platform_act, purging_audit_of
from tenants.context import tenant_transaction
from tenants.errors import TenantError, TenantErrorCode
from tenants.models import ApiKey, Membership, Secret, Tenant, User
from tenants.ownership import TenantOwnedModel, scoped

FORMAT_VERSION = 1
CHUNK = 500
_WITHHELD = {Secret: {"ciphertext"}, ApiKey: {"secret_hash"}, User: {"password_hash"}}


def tenant_owned_models() -> list[type[TenantOwnedModel]]:
    """Every registered model whose rows belong to a tenant, in a stable order."""
    models = [model for app in Tortoise.apps.values() for model in app.values() if issubclass(model, TenantOwnedModel)]
    return sorted(models, key=lambda model: model._meta.db_table)


def _line(payload: dict[str, Any]) -> str:
    return json.dumps(payload, default=str, sort_keys=True, separators=(",", ":"))


def _without_withheld(model: type, row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if key not in _WITHHELD.get(model, set())}


async def export_tenant(*, tenant_id: uuid.UUID, write: Callable[[str], None], progress: Callable[[str, int], None] = lambda t, n: None) -> int:
    """Write the tenant's export line by line through `write`; returns the number of rows."""
    tenant = await Tenant.get(id=tenant_id)
    digest = hashlib.sha256()
    rows = 0

    def emit(payload: dict[str, Any]) -> None:
        text = _line(payload)
        digest.update(text.encode() + b"\n")
        write(text + "\n")

    emit({"kind": "header", "format": FORMAT_VERSION, "exported_at": datetime.now(UTC), "tenant": await Tenant.filter(id=tenant_id).first().values()})
    for key in await ApiKey.filter(tenant_id=tenant_id).order_by("id").values():
        emit({"kind": "row", "table": "api_keys", "row": _without_withheld(ApiKey, key)})
        rows += 1
    async with tenant_transaction(tenant.id):
        user_ids = [m["user_id"] for m in await scoped(Membership).values("user_id")]
        for model in tenant_owned_models():
            table = model._meta.db_table
            offset = 0
            while batch := await scoped(model).order_by("id").offset(offset).limit(CHUNK).values():
                for row in batch:
                    emit({"kind": "row", "table": table, "row": _without_withheld(model, row)})
                rows += len(batch)
                offset += len(batch)
                progress(table, len(batch))
    for user in await User.filter(id__in=user_ids).order_by("id").values():
        emit({"kind": "row", "table": "users", "row": _without_withheld(User, user)})
        rows += 1
    write(_line({"kind": "trailer", "rows": rows, "sha256": digest.hexdigest()}) + "\n")
    return rows


def verify_export(path: Path, *, tenant_id: uuid.UUID) -> int:
    """The row count of a whole export of `tenant_id` at `path`; EXPORT_REQUIRED if it is not one."""
    digest = hashlib.sha256()
    header = trailer = None
    rows = 0
    try:
        for text in _lines(path):
            payload = json.loads(text)
            if payload.get("kind") == "trailer":
                trailer = payload
                break
            digest.update(text.encode() + b"\n")
            header = header or payload
            rows += payload.get("kind") == "row"
    except (OSError, ValueError):
        trailer = None
    whole = (
        header is not None
        and header.get("kind") == "header"
        and str(header.get("tenant", {}).get("id")) == str(tenant_id)
        and trailer is not None
        and trailer.get("rows") == rows
        and trailer.get("sha256") == digest.hexdigest()
    )
    if not whole:
        raise TenantError(TenantErrorCode.EXPORT_REQUIRED, f"{path} is not a complete export of this tenant: export it first")
    return rows


def _lines(path: Path) -> Iterator[str]:
    with path.open() as handle:
        for text in handle:
            yield text.rstrip("\n")


async def delete_tenant(
    *, export_path: Path, tenant_id: uuid.UUID | None = None, slug: str | None = None, actor: str = "system"
) -> None:
    """Delete the tenant (by id or slug) and every row it owns, its own audit log too, after checking that
    `export_path` is its whole export. The platform's audit log, which has no foreign key to tenants, keeps
    the record: who (`actor`), which tenant (id and slug), when, and whether it was done, refused (an
    unknown tenant, an incomplete export) or failed; a deletion done commits together with its record."""
    if (tenant_id is None) == (slug is None):
        raise ValueError("name the tenant by tenant_id or by slug")
    async with platform_act(actor=actor, action="tenant.delete", tenant_slug=slug, details={"export": str(export_path)}) as act:
        tenant = await (Tenant.get_or_none(id=tenant_id) if tenant_id else Tenant.get_or_none(slug=slug))
        if tenant is None:
            named = f"id {tenant_id}" if tenant_id else f"slug {slug!r}"
            raise TenantError(TenantErrorCode.NOT_FOUND, f"no tenant with {named}", field=None if tenant_id else "slug")
        act.about(tenant)
        act.details["rows_exported"] = verify_export(export_path, tenant_id=tenant.id)
        async with in_transaction() as connection:
            if connection.capabilities.dialect == "postgres":
                # Cascades run under RLS for the tenant.
                await connection.execute_query("SELECT set_config('app.tenant_id', $1, true)", [str(tenant.id)])
            async with purging_audit_of(connection, tenant.id):  # the append-only audit log lets this tenant's rows go
                await Tenant.filter(id=tenant.id).delete()
            await announce(Affected.TENANT, tenant.id)
