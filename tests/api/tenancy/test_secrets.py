"""The vault through the graph: values go in and never come out; names and kinds are listed."""

from __future__ import annotations

import io
import logging

from infra.logging import TraceContextFilter, json_formatter
from tenants import vault
from tenants.context import tenant_transaction

RECOGNISABLE = "ZEBRA-7f3c-SECRET-VALUE-91e2"
SET = """
mutation S($input: SetSecretInput!) { setSecret(input: $input) { secret { name kind updatedAt } userErrors { field code } } }
"""


async def test_a_secret_is_listed_by_name_and_kind_and_its_value_is_never_returned(graphql, tenant):
    set_answer = await graphql.post(SET, {"input": {"name": "bank.totp", "kind": "totp_seed", "value": RECOGNISABLE}}, api_key=tenant.api_key)
    listed = await graphql.post("{ secrets { totalCount edges { node { name kind } } } }", api_key=tenant.api_key)

    assert set_answer.json()["data"]["setSecret"]["secret"]["name"] == "bank.totp"
    assert listed.json()["data"]["secrets"] == {"totalCount": 1, "edges": [{"node": {"name": "bank.totp", "kind": "totp_seed"}}]}
    assert RECOGNISABLE not in set_answer.text + listed.text


async def test_a_bad_name_or_kind_is_a_user_error(graphql, tenant):
    answer = await graphql.execute(SET, {"input": {"name": "Bad Name!", "kind": "password", "value": "x"}}, api_key=tenant.api_key)
    wrong_kind = await graphql.execute(SET, {"input": {"name": "ok", "kind": "crystal", "value": "x"}}, api_key=tenant.api_key)

    assert answer["setSecret"]["userErrors"] == [{"field": ["input", "name"], "code": "INVALID_SECRET"}]
    assert wrong_kind["setSecret"]["userErrors"] == [{"field": ["input", "kind"], "code": "INVALID_SECRET"}]


async def test_only_the_owning_tenant_can_open_a_secret(graphql, db, tenant, other_tenant):
    await graphql.execute(SET, {"input": {"name": "tax.password", "kind": "password", "value": RECOGNISABLE}}, api_key=tenant.api_key)
    keys = vault.VaultKeys.from_settings(db)

    async with tenant_transaction(tenant.id):
        opened = await vault.reveal_secret(keys=keys, name="tax.password")
    async with tenant_transaction(other_tenant.id):
        others = [secret.name for secret in await vault.secrets()]

    assert opened == RECOGNISABLE
    assert others == []


async def test_a_recognisable_secret_appears_in_no_response_log_line_or_span(graphql, db, tenant, spans):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(json_formatter())
    handler.addFilter(TraceContextFilter())
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    responses = []
    try:
        responses.append(await graphql.post(SET, {"input": {"name": "bank.password", "kind": "password", "value": RECOGNISABLE}}, api_key=tenant.api_key))
        responses.append(await graphql.post(SET, {"input": {"name": "bank.password", "kind": "nope", "value": RECOGNISABLE}}, api_key=tenant.api_key))
        responses.append(await graphql.post("{ secrets { edges { node { name kind updatedAt } } } }", api_key=tenant.api_key))
        responses.append(await graphql.post("{ auditLog(first: 50) { edges { node { details } } } }", api_key=tenant.api_key))
        keys = vault.VaultKeys.from_settings(db)
        async with tenant_transaction(tenant.id):
            await vault.reveal_secret(keys=keys, name="bank.password")
            try:
                await vault.reveal_secret(keys=vault.VaultKeys(current="a-different-key"), name="bank.password")
            except vault.SecretUndecryptable as error:
                assert RECOGNISABLE not in str(error) and RECOGNISABLE not in repr(error)
    finally:
        root.removeHandler(handler)
        root.setLevel(previous_level)

    assert stream.getvalue(), "the test must capture some log lines to mean anything"
    assert RECOGNISABLE not in stream.getvalue()
    assert all(RECOGNISABLE not in response.text for response in responses)
    finished = spans.get_finished_spans()
    assert finished
    for span in finished:
        assert RECOGNISABLE not in span.name
        assert all(RECOGNISABLE not in str(value) for value in (span.attributes or {}).values())
        assert all(RECOGNISABLE not in str(event.attributes) for event in span.events)
