"""Four eyes means two people, whatever credentials they use: a key speaks for the person who minted it (or
for the person behind the key that minted it), a payment is approved only by a person other than the one
who ordered it, and a key with no person behind it cannot approve at all. The bank bot checks the same."""

from __future__ import annotations

from tenants.models import Role
from tests.api.bots.helpers import APPROVE_PAYMENT, REQUEST_PAYMENT, START, with_bank_portal
from tests.api.tenancy.people import member, minted_key

PAYMENT = {"beneficiary": "Meridian Industrial Supply", "iban": "NL91 ABNA 0417 1643 00", "amount": "1250.40", "currency": "EUR"}
AUDIT = """
{ auditLog(first: 20, filter: {action: "payment.approve"}) { edges { node { actor target outcome details } } } }
"""


async def order(graphql, credential: str) -> dict:
    payload = (await graphql.execute(REQUEST_PAYMENT, {"input": PAYMENT}, api_key=credential))["requestPayment"]
    assert payload["userErrors"] == [], payload
    return payload["payment"]


async def approve(graphql, credential: str, payment: dict) -> dict:
    return (await graphql.execute(APPROVE_PAYMENT, {"input": {"id": payment["id"]}}, api_key=credential))["approvePayment"]


async def start_payment(graphql, credential: str, payment: dict) -> dict:
    params = {**PAYMENT, "idempotency_key": payment["idempotencyKey"]}
    return (await graphql.execute(START, {"input": {"bot": "bank.submit_payment", "params": params}}, api_key=credential))["startBotRun"]


def codes(payload: dict) -> list[tuple[list[str] | None, str]]:
    return [(error["field"], error["code"]) for error in payload["userErrors"]]


async def test_a_user_who_ordered_a_payment_cannot_approve_it_with_a_key_they_minted(graphql, db, tenant):
    dana = await member(db, tenant, Role.ADMIN)
    danas_key = await minted_key(graphql, dana.token, role="back_office", scopes=["finance:approve"])
    payment = await order(graphql, dana.token)

    own = await approve(graphql, danas_key, payment)

    assert codes(own) == [(["input", "id"], "SELF_APPROVAL")] and own["payment"] is None


async def test_two_keys_of_the_same_person_cannot_order_and_approve(graphql, db, tenant):
    dana = await member(db, tenant, Role.ADMIN)
    ordering = await minted_key(graphql, dana.token, role="back_office", scopes=["finance:write"])
    # A key minted by Dana's key still speaks for Dana.
    approving = await minted_key(graphql, await minted_key(graphql, dana.token, role="admin", scopes=["keys:manage", "finance:approve"]),
                                 role="back_office", scopes=["finance:approve"])
    payment = await order(graphql, ordering)

    own = await approve(graphql, approving, payment)

    assert codes(own) == [(["input", "id"], "SELF_APPROVAL")]


async def test_a_key_without_a_person_cannot_approve(graphql, db, tenant):
    clerk = await member(db, tenant, Role.BACK_OFFICE)
    payment = await order(graphql, clerk.token)
    # The tenant's first admin key was made by the platform, and keys it mints have no person behind them either.
    service_key = await minted_key(graphql, tenant.api_key, role="back_office", scopes=["finance:approve"])

    by_first_key = await approve(graphql, tenant.api_key, payment)
    by_service_key = await approve(graphql, service_key, payment)

    assert codes(by_first_key) == [(["input", "id"], "APPROVER_NOT_A_PERSON")]
    assert codes(by_service_key) == [(["input", "id"], "APPROVER_NOT_A_PERSON")]
    assert "not bound to a person" in by_first_key["userErrors"][0]["message"]


async def test_the_bank_bot_does_not_pay_a_payment_its_orderer_approved_with_another_credential(graphql, db, tenant):
    await with_bank_portal(tenant)
    dana = await member(db, tenant, Role.ADMIN)
    danas_key = await minted_key(graphql, dana.token, role="back_office", scopes=["finance:approve", "bots:run"])
    payment = await order(graphql, dana.token)
    await approve(graphql, danas_key, payment)

    started = await start_payment(graphql, danas_key, payment)

    assert started["botRun"] is None and codes(started) == [(["input", "params", "idempotency_key"], "NOT_APPROVED")]


async def test_a_second_person_approves_through_any_of_their_credentials_and_the_bank_bot_pays(graphql, db, tenant):
    await with_bank_portal(tenant)
    clerk = await member(db, tenant, Role.BACK_OFFICE, name="Clerk")
    controller = await member(db, tenant, Role.ADMIN, name="Controller")
    controllers_key = await minted_key(graphql, controller.token, role="back_office", scopes=["finance:approve", "bots:run"])
    by_clerk = await order(graphql, clerk.token)
    by_service = await order(graphql, tenant.api_key)  # ordered with no person behind it: any person may approve

    approved = await approve(graphql, controllers_key, by_clerk)
    also_approved = await approve(graphql, clerk.token, by_service)
    started = await start_payment(graphql, controllers_key, by_clerk)

    assert approved["userErrors"] == [] and approved["payment"]["status"] == "APPROVED"
    assert also_approved["userErrors"] == [] and also_approved["payment"]["status"] == "APPROVED"
    assert started["userErrors"] == [] and started["botRun"]["status"] == "QUEUED"


async def test_payment_approvals_and_their_refusals_are_audited_with_the_person(graphql, db, tenant):
    dana = await member(db, tenant, Role.ADMIN)
    erin = await member(db, tenant, Role.BACK_OFFICE)
    danas_key = await minted_key(graphql, dana.token, role="back_office", scopes=["finance:approve"])
    payment = await order(graphql, dana.token)

    await approve(graphql, danas_key, payment)
    await approve(graphql, erin.token, payment)

    entries = [edge["node"] for edge in (await graphql.execute(AUDIT, api_key=tenant.api_key))["auditLog"]["edges"]]
    outcomes = sorted((entry["outcome"], entry["details"].get("code"), entry["details"]["person"]) for entry in entries)
    assert outcomes == [("rejected", "SELF_APPROVAL", f"user:{dana.user_id}"), ("succeeded", None, f"user:{erin.user_id}")]
    assert {entry["target"] for entry in entries} == {f"payment_order:{entries[0]['details']['payment_order_id']}"}
