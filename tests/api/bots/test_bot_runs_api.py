"""Bot runs through the graph: startBotRun checks params by the registry, lists and nodes, cancel and input."""

from __future__ import annotations

import base64

from strawberry import relay

from domain.bots.models import BotPortal, LayoutStatus
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import scoped
from tests.api.bots.helpers import RUN, START, with_bank_portal
from tests.api.crm.keys import api_key_with

STATEMENTS = {"bot": "bank.download_statements", "params": {"date_from": "2026-01-01", "date_to": "2026-01-31"}}
LIST = """
query List($filter: BotRunFilter, $orderBy: BotRunOrder) {
  botRuns(filter: $filter, orderBy: $orderBy, first: 10) { totalCount edges { node { id bot status } } }
}
"""


async def start(graphql, tenant, payload: dict, *, api_key: str | None = None) -> dict:
    return (await graphql.execute(START, {"input": payload}, api_key=api_key or tenant.api_key))["startBotRun"]


async def test_start_bot_run_queues_a_run_and_announces_it(graphql, tenant):
    await with_bank_portal(tenant)

    payload = await start(graphql, tenant, STATEMENTS)

    assert payload["userErrors"] == []
    run = payload["botRun"]
    assert run["status"] == "QUEUED" and run["bot"] == "bank.download_statements"
    assert base64.b64decode(run["id"]).decode().startswith("BotRun:")
    async with tenant_transaction(tenant.id):
        types = sorted(event.event_type for event in await scoped(OutboxEvent).filter(event_type__startswith="bots."))
    assert types == ["bots.run_requested", "bots.run_updated"]


async def test_bad_params_are_user_errors_naming_each_param(graphql, tenant):
    await with_bank_portal(tenant)

    payload = await start(graphql, tenant, {"bot": "bank.download_statements", "params": {"date_from": "2026-02-30", "date_to": "soon", "colour": "red"}})

    assert payload["botRun"] is None
    errors = {tuple(error["field"]): error for error in payload["userErrors"]}
    assert set(errors) == {("input", "params", "date_from"), ("input", "params", "date_to"), ("input", "params", "colour")}
    assert errors[("input", "params", "date_from")]["message"].startswith("date_from:")
    assert {error["code"] for error in payload["userErrors"]} == {"INVALID_PARAMS"}


async def test_an_unknown_bot_or_an_unconfigured_portal_is_refused(graphql, tenant):
    unknown = await start(graphql, tenant, {"bot": "bank.rob", "params": {}})
    unconfigured = await start(graphql, tenant, STATEMENTS)

    assert unknown["userErrors"][0]["field"] == ["input", "bot"] and unknown["userErrors"][0]["code"] == "UNKNOWN_BOT"
    assert "bank.download_statements" in unknown["userErrors"][0]["message"]
    assert unconfigured["userErrors"][0]["code"] == "PORTAL_NOT_CONFIGURED"


async def test_starting_a_run_needs_bots_run_and_is_audited(graphql, tenant):
    await with_bank_portal(tenant)
    reader = await api_key_with(graphql, tenant, "crm:read")

    refused = await graphql.post(START, {"input": STATEMENTS}, api_key=reader)
    await start(graphql, tenant, STATEMENTS)
    audit = await graphql.execute(
        '{ auditLog(filter: {action: "startBotRun"}, first: 5) { edges { node { action outcome } } } }', api_key=tenant.api_key
    )

    assert refused.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    outcomes = [edge["node"]["outcome"] for edge in audit["auditLog"]["edges"]]
    assert "succeeded" in outcomes and "rejected" in outcomes


async def test_runs_are_listed_with_filters_and_order_and_reached_through_node(graphql, tenant, other_tenant):
    await with_bank_portal(tenant)
    first = (await start(graphql, tenant, STATEMENTS))["botRun"]
    second = (await start(graphql, tenant, {"bot": "bank.canary", "params": {}}))["botRun"]

    newest = await graphql.execute(LIST, {}, api_key=tenant.api_key)
    canaries = await graphql.execute(LIST, {"filter": {"bot": "bank.canary", "status": ["QUEUED"]}}, api_key=tenant.api_key)
    by_bot = await graphql.execute(LIST, {"orderBy": {"field": "BOT", "direction": "ASC"}}, api_key=tenant.api_key)
    node = await graphql.execute("query($id: ID!) { node(id: $id) { ... on BotRun { status steps { name } } } }", {"id": first["id"]}, api_key=tenant.api_key)
    foreign = await graphql.execute(RUN, {"id": first["id"]}, api_key=other_tenant.api_key)

    assert [edge["node"]["id"] for edge in newest["botRuns"]["edges"]] == [second["id"], first["id"]]
    assert [edge["node"]["id"] for edge in canaries["botRuns"]["edges"]] == [second["id"]]
    assert [edge["node"]["bot"] for edge in by_bot["botRuns"]["edges"]] == ["bank.canary", "bank.download_statements"]
    assert node["node"] == {"status": "QUEUED", "steps": []}
    assert foreign["botRun"] is None


async def test_a_queued_run_is_cancelled_at_once_and_input_is_refused_when_not_asked(graphql, tenant):
    await with_bank_portal(tenant)
    run = (await start(graphql, tenant, STATEMENTS))["botRun"]

    answer = await graphql.execute(
        "mutation($input: ProvideBotInputInput!) { provideBotInput(input: $input) { userErrors { code } } }",
        {"input": {"runId": run["id"], "value": "123456"}}, api_key=tenant.api_key,
    )
    cancelled = await graphql.execute(
        "mutation($input: CancelBotRunInput!) { cancelBotRun(input: $input) { botRun { status error { code } } userErrors { code } } }",
        {"input": {"id": run["id"]}}, api_key=tenant.api_key,
    )

    assert answer["provideBotInput"]["userErrors"] == [{"code": "NOT_WAITING_FOR_INPUT"}]
    assert cancelled["cancelBotRun"]["botRun"] == {"status": "CANCELLED", "error": {"code": "CANCELLED"}}


async def test_a_run_of_another_tenant_cannot_be_cancelled(graphql, tenant, other_tenant):
    await with_bank_portal(tenant)
    run = (await start(graphql, tenant, STATEMENTS))["botRun"]

    attempt = await graphql.execute(
        "mutation($input: CancelBotRunInput!) { cancelBotRun(input: $input) { botRun { id } userErrors { code } } }",
        {"input": {"id": run["id"]}}, api_key=other_tenant.api_key,
    )

    assert attempt["cancelBotRun"] == {"botRun": None, "userErrors": [{"code": "NOT_FOUND"}]}
    assert relay.GlobalID.from_id(run["id"]).type_name == "BotRun"


async def test_a_portal_is_configured_with_secrets_write_and_listed_with_its_layout_status(graphql, tenant):
    configure = "mutation($input: ConfigureBotPortalInput!) { configureBotPortal(input: $input) { portal { portal baseUrl layoutStatus } userErrors { field code } } }"
    runner = await api_key_with(graphql, tenant, "bots:run", role="back_office")

    set_up = await graphql.execute(configure, {"input": {"portal": "bank", "baseUrl": "https://bank.example/online/"}}, api_key=tenant.api_key)
    with_password = await graphql.execute(configure, {"input": {"portal": "bank", "baseUrl": "https://user:pw@bank.example"}}, api_key=tenant.api_key)
    refused = await graphql.post(configure, {"input": {"portal": "bank", "baseUrl": "https://evil.example"}}, api_key=runner)
    listed = await graphql.execute("{ botPortals { totalCount edges { node { portal baseUrl layoutStatus } } } }", api_key=runner)

    assert set_up["configureBotPortal"]["portal"] == {"portal": "bank", "baseUrl": "https://bank.example/online", "layoutStatus": "unknown"}
    assert with_password["configureBotPortal"]["userErrors"] == [{"field": ["input", "baseUrl"], "code": "INVALID_PORTAL_URL"}]
    assert refused.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert listed["botPortals"]["totalCount"] == 1
    assert [edge["node"] for edge in listed["botPortals"]["edges"]] == [{"portal": "bank", "baseUrl": "https://bank.example/online", "layoutStatus": "unknown"}]


async def test_portals_are_a_connection_narrowed_by_name_and_layout_status_and_ordered(graphql, tenant):
    await with_bank_portal(tenant)
    async with tenant_transaction(tenant.id):
        await scoped(BotPortal).filter(portal="tax").update(layout_status=LayoutStatus.CHANGED)
    portals = """
    query($filter: BotPortalFilter, $orderBy: BotPortalOrder) {
      botPortals(filter: $filter, orderBy: $orderBy, first: 2) { totalCount pageInfo { hasNextPage } edges { node { portal layoutStatus } } }
    }
    """

    by_name = (await graphql.execute(portals, {}, api_key=tenant.api_key))["botPortals"]
    descending = (await graphql.execute(portals, {"orderBy": {"field": "PORTAL", "direction": "DESC"}}, api_key=tenant.api_key))["botPortals"]
    changed = (await graphql.execute(portals, {"filter": {"layoutStatus": ["CHANGED"]}}, api_key=tenant.api_key))["botPortals"]
    named = (await graphql.execute(portals, {"filter": {"portal": ["bank", "supplier"]}}, api_key=tenant.api_key))["botPortals"]

    assert [edge["node"]["portal"] for edge in by_name["edges"]] == ["bank", "supplier"]
    assert by_name["totalCount"] == 3 and by_name["pageInfo"]["hasNextPage"] is True
    assert [edge["node"]["portal"] for edge in descending["edges"]] == ["tax", "supplier"]
    assert [edge["node"] for edge in changed["edges"]] == [{"portal": "tax", "layoutStatus": "changed"}]
    assert [edge["node"]["portal"] for edge in named["edges"]] == ["bank", "supplier"] and named["totalCount"] == 2
