"""Tenant rules through the graph: validated when saved (the userError names the wrong part), versioned, listed."""

from __future__ import annotations

import pytest

CREATE = """
mutation($input: CreateRuleInput!) {
  createRule(input: $input) { rule { id name version enabled } userErrors { field code message } }
}
"""
UPDATE = "mutation($input: UpdateRuleInput!) { updateRule(input: $input) { rule { id version } userErrors { field code } } }"
DISABLE = "mutation($id: ID!) { disableRule(input: {id: $id}) { rule { enabled version } userErrors { code } } }"
RULES = "{ rules { totalCount edges { node { name version enabled versions { version definition } } } } }"
TICKET = {"type": "create_ticket", "params": {"subject": "Big deal won"}}
BIG = {"all": [{"field": "amount", "op": "gt", "value": "1000"}]}


async def create(graphql, tenant, **input) -> dict:
    data = await graphql.execute(CREATE, {"input": {"name": "Big deals", "eventType": "sales.deal_won", "action": TICKET, **input}}, api_key=tenant.api_key)
    return data["createRule"]


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"eventType": "sales.deal_exploded"}, ["input", "eventType"], "UNKNOWN_EVENT"),
        ({"condition": {"all": [{"field": "amount_eur", "op": "gt", "value": "1"}]}}, ["input", "condition", "all", "0", "field"], "UNKNOWN_FIELD"),
        ({"condition": {"all": [{"field": "amount", "op": "greater", "value": "1"}]}}, ["input", "condition", "all", "0", "op"], "BAD_OPERATOR"),
        ({"condition": {"field": "currency", "op": "gt", "value": "EUR"}}, ["input", "condition", "op"], "BAD_OPERATOR"),
        ({"condition": {"field": "amount", "op": "gt", "value": "lots"}}, ["input", "condition", "value"], "BAD_VALUE"),
        ({"condition": {"field": "amount", "op": "gt", "value": "1", "eval": "import os"}}, ["input", "condition"], "INVALID_CONDITION"),
        ({"action": {"type": "send_fax", "params": {}}}, ["input", "action", "type"], "UNKNOWN_ACTION"),
        ({"action": {"type": "create_ticket", "params": {}}}, ["input", "action", "params", "subject"], "MISSING_PARAMETER"),
        ({"action": {"type": "call_webhook", "params": {"url": "https://hooks.example/x"}}}, ["input", "action", "params", "secret"], "MISSING_PARAMETER"),
        ({"action": {"type": "call_webhook", "params": {"url": "https://hooks.example/x", "secret": "nope"}}}, ["input", "action", "params", "secret"], "INVALID_PARAMETER"),
        ({"action": {"type": "start_bot_run", "params": {"bot": "tax.evade"}}}, ["input", "action", "params", "bot"], "INVALID_PARAMETER"),
        ({"action": {"type": "call_webhook", "params": {"url": "http://169.254.169.254/latest/meta-data", "secret": "nope"}}}, ["input", "action", "params", "url"], "WEBHOOK_TARGET_REFUSED"),
        ({"action": {"type": "call_webhook", "params": {"url": "http://2130706433/hook", "secret": "nope"}}}, ["input", "action", "params", "url"], "WEBHOOK_TARGET_REFUSED"),
    ],
)
async def test_a_wrong_rule_is_refused_naming_the_part_that_is_wrong(graphql, tenant, change, field, code):
    payload = await create(graphql, tenant, **change)

    assert payload["rule"] is None
    assert [(error["field"], error["code"]) for error in payload["userErrors"]] == [(field, code)]


async def test_a_rule_is_saved_as_versions_and_disabled_as_a_new_one(graphql, tenant):
    created = await create(graphql, tenant, condition=BIG)
    rule_id = created["rule"]["id"]
    changed = await graphql.execute(
        UPDATE, {"input": {"id": rule_id, "condition": {"field": "amount", "op": "gte", "value": "5000"}}}, api_key=tenant.api_key
    )
    bad = await graphql.execute(UPDATE, {"input": {"id": rule_id, "action": {"type": "nope"}}}, api_key=tenant.api_key)
    disabled = await graphql.execute(DISABLE, {"id": rule_id}, api_key=tenant.api_key)
    listed = await graphql.execute(RULES, api_key=tenant.api_key)

    assert created["userErrors"] == [] and created["rule"]["version"] == 1
    assert changed["updateRule"] == {"rule": {"id": rule_id, "version": 2}, "userErrors": []}
    assert bad["updateRule"]["userErrors"] == [{"field": ["input", "action", "type"], "code": "UNKNOWN_ACTION"}]
    assert disabled["disableRule"]["rule"] == {"enabled": False, "version": 3}
    [rule] = [edge["node"] for edge in listed["rules"]["edges"]]
    assert [v["version"] for v in rule["versions"]] == [3, 2, 1]
    assert rule["versions"][2]["definition"]["condition"] == BIG


async def test_reading_and_writing_automation_needs_the_automation_scope(graphql, tenant):
    from tests.api.crm.keys import api_key_with

    key = await api_key_with(graphql, tenant, "crm:read")
    response = await graphql.post("{ jobs { totalCount } }", api_key=key)

    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
