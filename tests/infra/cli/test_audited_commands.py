"""The CLI's privileged commands are audit entries in the platform's log, as `cli:<os user>`: what they did to
which tenant, when, and whether it succeeded, was refused or failed, and a tenant's deletion is recorded
where it outlives the tenant."""

from __future__ import annotations

import getpass

from domain.bots import service as bots_service
from tenants.audit import Outcome, platform_audit_events, record_audit
from tenants.context import tenant_transaction
from tenants.models import AuditEvent, Tenant
from tenants.ownership import scoped
from tenants.vault import VaultKeys, set_secret
from tests.conftest import make_tenant
from tests.infra.cli.running import run_concord

CLI_ACTOR = f"cli:{getpass.getuser()}"
OLD_KEY, NEW_KEY, UNKNOWN_KEY = "old-secret-key-0123456789", "new-secret-key-9876543210", "unknown-secret-key-5555555555"


async def entries(**filters) -> list[tuple[str, str, str]]:
    """(actor, action, outcome) of the platform's audit entries matching `filters`, oldest first."""
    found = await platform_audit_events(**filters)
    return [(entry.actor, entry.action, entry.outcome) for entry in reversed(found)]


async def test_a_deleted_tenant_leaves_a_record_of_who_deleted_which_tenant_when(db, database_url, tmp_path):
    doomed = await make_tenant("Doomed by CLI")
    async with tenant_transaction(doomed.id):
        await record_audit(actor="user:dee", action="createCustomer", outcome=Outcome.SUCCEEDED)
    export = tmp_path / "doomed.jsonl"
    truncated = tmp_path / "truncated.jsonl"

    exported = run_concord("tenants", "export", doomed.slug, "-o", str(export), database_url=database_url)
    truncated.write_text("\n".join(export.read_text().splitlines()[:-1]) + "\n")
    refused = run_concord("tenants", "delete", doomed.slug, "--export", str(truncated), "--yes", database_url=database_url)
    deleted = run_concord("tenants", "delete", doomed.slug, "--export", str(export), "--yes", database_url=database_url)

    assert (exported.returncode, refused.returncode, deleted.returncode) == (0, 1, 0), deleted.stderr
    assert not await Tenant.filter(id=doomed.id).exists()
    async with tenant_transaction(doomed.id):
        assert await scoped(AuditEvent).count() == 0  # the tenant's own log went with it
    assert await entries(tenant_id=doomed.id, actor=CLI_ACTOR) == [
        (CLI_ACTOR, "tenant.export", "succeeded"), (CLI_ACTOR, "tenant.delete", "rejected"), (CLI_ACTOR, "tenant.delete", "succeeded"),
    ]
    [deletion] = await platform_audit_events(tenant_id=doomed.id, action="tenant.delete").filter(outcome="succeeded")
    assert (deletion.tenant_slug, deletion.target, deletion.created_at is not None) == (doomed.slug, f"tenant:{doomed.id}", True)
    assert deletion.details["export"] == str(export)


async def test_deleting_an_unknown_tenant_is_recorded_as_refused(db, database_url, tmp_path):
    result = run_concord("tenants", "delete", "never-was", "--export", str(tmp_path / "none.jsonl"), "--yes", database_url=database_url)

    assert result.returncode == 1
    [entry] = await platform_audit_events(tenant_slug="never-was")
    assert (entry.actor, entry.action, entry.outcome, entry.tenant_id) == (CLI_ACTOR, "tenant.delete", "rejected", None)
    assert entry.details["error"]["code"] == "NOT_FOUND"


async def test_rotating_the_secret_key_is_recorded_and_a_failed_rotation_too(db, database_url, tenant):
    async with tenant_transaction(tenant.id):
        await set_secret(keys=VaultKeys(current=OLD_KEY), name="bank.password", kind="password", value="Rotate-Me")

    rotated = run_concord("secrets", "rotate-key", database_url=database_url, secret_key=NEW_KEY, previous_secret_keys=OLD_KEY)
    failed = run_concord("secrets", "rotate-key", database_url=database_url, secret_key=UNKNOWN_KEY)

    assert rotated.returncode == 0, rotated.stderr
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert "bank.password" in failed.stderr and "Rotate-Me" not in failed.stderr
    assert await entries(action="secrets.rotate_key") == [
        (CLI_ACTOR, "secrets.rotate_key", "succeeded"), (CLI_ACTOR, "secrets.rotate_key", "failed"),
    ]
    succeeded, failure = reversed(await platform_audit_events(action="secrets.rotate_key"))
    assert succeeded.details["resealed"] == 1
    assert failure.details["error"]["type"] == "SecretUndecryptable" and failure.details["failed_tenant"] == tenant.slug
    assert OLD_KEY not in str(succeeded.details) and NEW_KEY not in str(succeeded.details)


async def test_a_bot_run_for_an_unknown_tenant_or_with_bad_params_is_recorded_as_refused(db, database_url, tenant, tmp_path):
    unknown = run_concord("bots", "run", "bank.canary", "--tenant", "never-ran", cwd=tmp_path, database_url=database_url)
    bad_params = run_concord(
        "bots", "run", "bank.download_statements", "--tenant", tenant.slug, "--param", "date_from=soon",
        cwd=tmp_path, database_url=database_url,
    )

    assert (unknown.returncode, bad_params.returncode) == (1, 2)
    [refused_tenant] = await platform_audit_events(tenant_slug="never-ran")
    [refused_params] = await platform_audit_events(tenant_id=tenant.id, actor=CLI_ACTOR)
    assert (refused_tenant.actor, refused_tenant.action, refused_tenant.outcome) == (CLI_ACTOR, "bots.run", "rejected")
    assert (refused_params.actor, refused_params.action, refused_params.outcome) == (CLI_ACTOR, "bots.run", "rejected")
    assert refused_params.details["bot"] == "bank.download_statements" and refused_params.details["error"]["code"]


async def test_a_bot_run_that_fails_is_recorded_as_failed_with_its_run_and_error_code(db, database_url, tenant, tmp_path):
    # A portal but no credentials in the vault: the run is stored, then fails before any browser starts.
    async with tenant_transaction(tenant.id):
        await bots_service.configure_portal(portal="bank", base_url="http://127.0.0.1:9/portals/bank")
    result = run_concord("bots", "run", "bank.canary", "--tenant", tenant.slug, cwd=tmp_path, database_url=database_url, artifacts_dir=str(tmp_path))

    assert result.returncode == 1, result.stderr
    [entry] = await platform_audit_events(tenant_id=tenant.id, action="bots.run")
    assert (entry.actor, entry.outcome, entry.tenant_slug) == (CLI_ACTOR, "failed", tenant.slug)
    assert entry.target.startswith("bot_run:") and entry.details["error"]["code"]
