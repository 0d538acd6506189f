"""What the bots API tests share: operations, a tenant whose bank portal is configured, stored runs with files."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from domain.bots import service as bots_service
from domain.bots.models import RunStatus
from tenants.context import tenant_transaction

START = """
mutation Start($input: StartBotRunInput!) {
  startBotRun(input: $input) { botRun { id status bot params } userErrors { field message code } }
}
"""
RUN = """
query Run($id: ID!) {
  botRun(id: $id) {
    id status startedBy traceId
    steps { name status startedAt finishedAt }
    artifacts { kind name sha256 size url }
    error { code message }
    inputRequest { prompt }
  }
}
"""
REQUEST_PAYMENT = """
mutation Request($input: RequestPaymentInput!) {
  requestPayment(input: $input) { payment { id idempotencyKey status amount { amount currency } } userErrors { field message code } }
}
"""
APPROVE_PAYMENT = """
mutation Approve($input: ApprovePaymentInput!) {
  approvePayment(input: $input) { payment { id status approvals { approvedBy voidedAt } } userErrors { field message code } }
}
"""


async def with_bank_portal(tenant, base_url: str = "https://bank.example/online") -> None:
    async with tenant_transaction(tenant.id):
        for portal in ("bank", "tax", "supplier"):
            await bots_service.configure_portal(portal=portal, base_url=base_url.replace("bank", portal))


async def finished_run_with_a_screenshot(tenant, artifacts_dir: Path) -> tuple[uuid.UUID, bytes]:
    """A run that succeeded and left one screenshot, stored as a worker would have stored it."""
    content = b"\x89PNG\r\n\x1a\n" + uuid.uuid4().bytes
    async with tenant_transaction(tenant.id):
        run = await bots_service.create_run(bot="bank.canary", portal="bank", params={}, started_by="user:tester")
        await bots_service.claim_run(run_id=run.id, owner="w:1", lease_seconds=60)
        name = "screenshots/01-login.png"
        file = artifacts_dir / str(tenant.id) / str(run.id) / name
        file.parent.mkdir(parents=True)
        file.write_bytes(content)
        import hashlib

        await bots_service.record_artifact(
            run_id=run.id, owner="w:1", kind="screenshot", name=name, path=f"{tenant.id}/{run.id}/{name}",
            sha256=hashlib.sha256(content).hexdigest(), size=len(content), step="login",
        )
        await bots_service.record_state(run_id=run.id, owner="w:1", status=RunStatus.SUCCEEDED, at=datetime.now(UTC), result={})
    return run.id, content
