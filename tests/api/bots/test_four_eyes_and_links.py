"""Four eyes through the graph, and the signed artifact links: own tenant's file, anything else 404."""

from __future__ import annotations

import time

import httpx

from api.bots.artifact_links import ArtifactLink, link_token, sign, verify
from tests.api.bots.helpers import APPROVE_PAYMENT, REQUEST_PAYMENT, RUN, START, finished_run_with_a_screenshot, with_bank_portal
from tenants.models import Role
from tests.api.crm.keys import api_key_with
from tests.api.tenancy.people import member
from tests.conftest import graphql_client

PAYMENT = {"beneficiary": "Meridian Industrial Supply", "iban": "NL91 ABNA 0417 1643 00", "amount": "1250.40", "currency": "EUR", "reference": "SI-2026-12345"}


def payment_params(key: str, amount: str = "1250.40") -> dict:
    return {**PAYMENT, "amount": amount, "idempotency_key": key}


async def test_a_payment_runs_only_after_a_second_person_with_finance_approve_approved_it(graphql, db, tenant):
    await with_bank_portal(tenant)
    # The clerk may approve payments too, only not their own. Approvers are people (signed-in members).
    clerk = (await member(db, tenant, Role.BACK_OFFICE, name="Clerk")).token
    reader = await api_key_with(graphql, tenant, "finance:read", role="back_office")
    controller = (await member(db, tenant, Role.BACK_OFFICE, name="Controller")).token

    ordered = (await graphql.execute(REQUEST_PAYMENT, {"input": PAYMENT}, api_key=clerk))["requestPayment"]["payment"]
    key = ordered["idempotencyKey"]
    too_early = (await graphql.execute(START, {"input": {"bot": "bank.submit_payment", "params": payment_params(key)}}, api_key=clerk))["startBotRun"]
    own = (await graphql.execute(APPROVE_PAYMENT, {"input": {"id": ordered["id"]}}, api_key=clerk))
    unauthorised = await graphql.post(APPROVE_PAYMENT, {"input": {"id": ordered["id"]}}, api_key=reader)
    approved = (await graphql.execute(APPROVE_PAYMENT, {"input": {"id": ordered["id"]}}, api_key=controller))["approvePayment"]
    other_amount = (await graphql.execute(START, {"input": {"bot": "bank.submit_payment", "params": payment_params(key, "1250.41")}}, api_key=clerk))["startBotRun"]
    started = (await graphql.execute(START, {"input": {"bot": "bank.submit_payment", "params": payment_params(key)}}, api_key=clerk))["startBotRun"]

    assert ordered["status"] == "AWAITING_APPROVAL"
    assert too_early["userErrors"] == [
        {"field": ["input", "params", "idempotency_key"], "message": f"payment order {key} is awaiting_approval", "code": "NOT_APPROVED"}
    ]
    assert own.get("errors") is None and own["approvePayment"]["userErrors"][0]["code"] == "SELF_APPROVAL"
    assert unauthorised.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert approved["userErrors"] == [] and approved["payment"]["status"] == "APPROVED"
    assert other_amount["userErrors"][0]["code"] == "APPROVAL_MISMATCH"
    assert started["userErrors"] == [] and started["botRun"]["status"] == "QUEUED"


async def test_outgoing_payments_are_narrowed_by_status_and_ordered(graphql, db, tenant):
    clerk = await api_key_with(graphql, tenant, "finance:write", "finance:read", role="back_office")
    controller = (await member(db, tenant, Role.BACK_OFFICE, name="Controller")).token
    requested = {}
    for beneficiary, amount in (("Brightline", "90.00"), ("Acme Parts", "1250.40"), ("Castle Freight", "310.25")):
        payment = {**PAYMENT, "beneficiary": beneficiary, "amount": amount}
        requested[beneficiary] = (await graphql.execute(REQUEST_PAYMENT, {"input": payment}, api_key=clerk))["requestPayment"]["payment"]
    await graphql.execute(APPROVE_PAYMENT, {"input": {"id": requested["Castle Freight"]["id"]}}, api_key=controller)
    payments = """
    query($filter: OutgoingPaymentFilter, $orderBy: OutgoingPaymentOrder) {
      outgoingPayments(filter: $filter, orderBy: $orderBy, first: 10) { totalCount edges { node { beneficiary status } } }
    }
    """

    def beneficiaries(data: dict) -> list[str]:
        return [edge["node"]["beneficiary"] for edge in data["outgoingPayments"]["edges"]]

    newest = await graphql.execute(payments, {}, api_key=clerk)
    by_amount = await graphql.execute(payments, {"orderBy": {"field": "AMOUNT", "direction": "DESC"}}, api_key=clerk)
    by_name = await graphql.execute(payments, {"orderBy": {"field": "BENEFICIARY", "direction": "ASC"}}, api_key=clerk)
    waiting = await graphql.execute(
        payments, {"filter": {"status": ["AWAITING_APPROVAL"]}, "orderBy": {"field": "AMOUNT", "direction": "ASC"}}, api_key=clerk
    )

    assert beneficiaries(newest) == ["Castle Freight", "Acme Parts", "Brightline"]
    assert beneficiaries(by_amount) == ["Acme Parts", "Castle Freight", "Brightline"]
    assert beneficiaries(by_name) == ["Acme Parts", "Brightline", "Castle Freight"]
    assert beneficiaries(waiting) == ["Brightline", "Acme Parts"] and waiting["outgoingPayments"]["totalCount"] == 2


async def test_artifact_links_serve_the_own_tenants_file_and_answer_404_for_anything_else(db, tenant, other_tenant, tmp_path):
    artifacts = tmp_path / "artifacts"
    run_id, content = await finished_run_with_a_screenshot(tenant, artifacts)
    secret = db.secret_key.get_secret_value()
    async with graphql_client(db, artifacts_dir=artifacts) as client:
        from strawberry import relay

        data = await client.execute(RUN, {"id": relay.to_base64("BotRun", run_id)}, api_key=tenant.api_key)
        [artifact] = data["botRun"]["artifacts"]
        url = httpx.URL(artifact["url"])
        own = await client.http.get(url.path)
        link = verify(url.path.rsplit("/", 1)[1], secret_key=secret)
        foreign = link_token(tenant_id=other_tenant.id, run_id=run_id, artifact_id=link.artifact_id, secret_key=secret)
        expired = sign(ArtifactLink(tenant.id, run_id, link.artifact_id, int(time.time()) - 1), secret_key=secret)
        forged = link_token(tenant_id=tenant.id, run_id=run_id, artifact_id=link.artifact_id, secret_key="another deployment's key")
        answers = {
            name: (await client.http.get(f"/artifacts/{token}")).status_code
            for name, token in {"other tenant": foreign, "expired": expired, "forged": forged, "garbage": "x.y"}.items()
        }

    assert own.status_code == 200 and own.content == content
    assert own.headers["content-type"] == "image/png" and own.headers["cache-control"] == "private, no-store"
    assert artifact["kind"] == "SCREENSHOT" and artifact["size"] == len(content)
    assert answers == {"other tenant": 404, "expired": 404, "forged": 404, "garbage": 404}
