"""A tenant is suspended and resumed, exported whole, and deleted only after that export."""

from __future__ import annotations

import io
import json

import pytest

from domain.crm import service as crm_service
from tenants import export as tenant_export
from tenants import lifecycle, vault
from tenants.audit import Outcome, record_audit
from tenants.context import tenant_transaction
from tenants.errors import TenantError, TenantErrorCode
from tenants.models import Tenant
from tenants.users import add_membership, create_user
from tests.conftest import make_tenant

VIEWER = "{ viewer { tenant { slug } } }"


async def test_a_suspended_tenant_gets_403_tenant_suspended_until_resumed(graphql, tenant, other_tenant):
    await lifecycle.suspend_tenant(slug=tenant.slug)

    suspended = await graphql.post(VIEWER, api_key=tenant.api_key)
    unaffected = await graphql.post(VIEWER, api_key=other_tenant.api_key)
    await lifecycle.resume_tenant(slug=tenant.slug)
    resumed = await graphql.post(VIEWER, api_key=tenant.api_key)

    assert suspended.status_code == 403
    assert suspended.json()["errors"][0]["extensions"]["code"] == "TENANT_SUSPENDED"
    assert unaffected.status_code == 200
    assert resumed.status_code == 200


async def export_to_text(tenant_id) -> str:
    buffer = io.StringIO()
    await tenant_export.export_tenant(tenant_id=tenant_id, write=buffer.write)
    return buffer.getvalue()


async def test_an_export_holds_all_the_tenants_rows_and_nothing_of_others(db, tenant, other_tenant):
    async with tenant_transaction(tenant.id):
        await crm_service.create_customer(name="Exported Customer")
        await vault.set_secret(keys=vault.VaultKeys.from_settings(db), name="bank.password", kind="password", value="Exp0rt-Secret")
    async with tenant_transaction(other_tenant.id):
        await crm_service.create_customer(name="Someone Else's Customer")

    lines = [json.loads(line) for line in (await export_to_text(tenant.id)).splitlines()]

    header, rows, trailer = lines[0], lines[1:-1], lines[-1]
    assert header["kind"] == "header" and header["tenant"]["slug"] == tenant.slug
    tables = {row["table"] for row in rows}
    assert {"crm_customers", "api_keys", "secrets"} <= tables
    text = json.dumps(lines)
    assert "Exported Customer" in text and "Someone Else's Customer" not in text
    assert "Exp0rt-Secret" not in text and "ciphertext" not in text and "secret_hash" not in text
    assert trailer == {"kind": "trailer", "rows": len(rows), "sha256": trailer["sha256"]}


async def test_a_tenant_is_deleted_only_with_its_complete_export(db, tmp_path):
    doomed = await make_tenant("Doomed Ltd")
    survivor = await make_tenant("Survivor Ltd")
    user = await create_user(email=f"{doomed.slug}@example.com", name="Dee")
    async with tenant_transaction(doomed.id):
        await crm_service.create_customer(name="Goes Away")
        await add_membership(user_id=user.id, role="admin")
        await record_audit(actor="user:dee", action="createCustomer", outcome=Outcome.SUCCEEDED)  # append-only rows go too
    async with tenant_transaction(survivor.id):
        await crm_service.create_customer(name="Stays")
    export_file = tmp_path / "doomed.jsonl"
    export_file.write_text(await export_to_text(doomed.id))
    truncated = tmp_path / "truncated.jsonl"
    truncated.write_text("\n".join(export_file.read_text().splitlines()[:-2]) + "\n")

    with pytest.raises(TenantError) as refused:
        await tenant_export.delete_tenant(tenant_id=doomed.id, export_path=truncated)
    with pytest.raises(TenantError):
        await tenant_export.delete_tenant(tenant_id=survivor.id, export_path=export_file)
    await tenant_export.delete_tenant(tenant_id=doomed.id, export_path=export_file)

    assert refused.value.code is TenantErrorCode.EXPORT_REQUIRED
    assert not await Tenant.filter(id=doomed.id).exists()
    async with tenant_transaction(doomed.id):
        assert await crm_service.customers().count() == 0
    async with tenant_transaction(survivor.id):
        assert [c.name for c in await crm_service.customers()] == ["Stays"]


async def test_rotating_the_secret_key_reseals_secrets_so_the_old_key_can_go(db, tenant):
    old = vault.VaultKeys(current="old-secret-key-0123456789")
    async with tenant_transaction(tenant.id):
        await vault.set_secret(keys=old, name="tax.password", kind="password", value="Rotate-Me")
    rotating = vault.VaultKeys(current="new-secret-key-9876543210", previous=["old-secret-key-0123456789"])

    async with tenant_transaction(tenant.id):
        resealed = await vault.reseal_tenant_secrets(keys=rotating)
        again = await vault.reseal_tenant_secrets(keys=rotating)
        value = await vault.reveal_secret(keys=vault.VaultKeys(current="new-secret-key-9876543210"), name="tax.password")

    assert (resealed, again, value) == (1, 0, "Rotate-Me")
