"""The attack suite: tenant B tries every way into tenant A's data, and finds none.

With two loaded tenants, B uses A's global ids on `node`, on every root field that takes an id, in
every mutation's input and in list filters; reads every list; listens on every subscription while A's
events of that kind commit; and, on PostgreSQL, runs raw SQL
under the application role with B's tenant set and with none. On PostgreSQL it runs again with wall
1 (scoped queries) switched off, to show that wall 2 (row-level security) holds alone.
"""

from __future__ import annotations

import asyncio
import io
import json
import sys
import uuid
from dataclasses import dataclass, field

import pytest
from graphql import GraphQLNonNull, get_named_type
from strawberry import relay
from tortoise import connections

import tenants.ownership
from api.context import RequestContext
from api.schema import NODE_TYPES, schema
from api.subscriptions import EVENT_TYPES
from domain.outbox import record_event
from strawberry.utils.str_converters import to_camel_case
from tenants.authentication import authenticate_api_key
from tenants import export as tenant_export
from tenants.context import tenant_transaction
from tests.conftest import make_tenant
from tests.security.graphql_inputs import arguments_for, selection_for
from tests.security.node_factories import NODE_FACTORIES


@dataclass
class Tally:
    attempts: int = 0
    leaks: list[str] = field(default_factory=list)

    def check(self, what: str, leaked: bool) -> None:
        self.attempts += 1
        if leaked:
            self.leaks.append(what)


@dataclass
class Victim:
    tenant: object
    marker: str
    global_ids: dict[str, str]
    row_ids: list[str]

    def appears_in(self, text: str) -> bool:
        return self.marker in text or any(value in text for value in [*self.global_ids.values(), *self.row_ids])


def graphql_schema():
    return schema._schema


async def load_victim() -> Victim:
    victim = await make_tenant("Victim Ltd")
    marker = f"VICTIM-{uuid.uuid4().hex[:8]}"
    global_ids, row_ids = {}, []
    async with tenant_transaction(victim.id):
        for node_type in NODE_TYPES:
            name = node_type.__strawberry_definition__.name
            row_id = await NODE_FACTORIES[name](marker)
            global_ids[name] = relay.to_base64(name, row_id)
            row_ids.append(str(row_id))
    return Victim(tenant=victim, marker=marker, global_ids=global_ids, row_ids=row_ids)


PLANTED = "attack suite"  # marks the events the suite itself records for the victim


async def snapshot(victim: Victim) -> list[dict]:
    """The victim's data, less what reading it changes (export time) and the events the suite planted."""
    buffer = io.StringIO()
    await tenant_export.export_tenant(tenant_id=victim.tenant.id, write=buffer.write)
    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    return [line for line in lines if line["kind"] == "row" and not _planted(line)]


def _planted(line: dict) -> bool:
    payload = line["row"].get("payload") if line["table"] == "outbox_events" else None
    return isinstance(payload, dict) and payload.get("planted_by") == PLANTED


async def attack_nodes(graphql, attacker, victim: Victim, tally: Tally) -> None:
    for type_name, global_id in victim.global_ids.items():
        response = await graphql.post("query($id: ID!) { node(id: $id) { id } }", {"id": global_id}, api_key=attacker.api_key)
        body = response.json()
        codes = {error["extensions"]["code"] for error in body.get("errors", [])}
        tally.check(f"node({type_name})", (body.get("data") or {}).get("node") is not None or victim.appears_in(response.text))
        tally.check(f"node({type_name}) answers NOT_FOUND or FORBIDDEN", not codes & {"NOT_FOUND", "FORBIDDEN"})


async def attack_root_fields(graphql, attacker, victim: Victim, tally: Tally) -> None:
    """Every root query field: with the victim's ids in every ID argument, and as plain lists."""
    for name, root_field in graphql_schema().query_type.fields.items():
        if name in ("node", "viewer"):
            continue
        arguments = arguments_for(root_field, victim.global_ids) if root_field.args else {}
        # Ask for one item per list so the cost of a deep selection stays small.
        for argument in ("first",):
            if argument in root_field.args:
                arguments[argument] = 1
        for pagination in ("after", "before", "last"):
            arguments.pop(pagination, None)
        variables = ", ".join(f"${arg}: {root_field.args[arg].type}" for arg in arguments)
        passing = ", ".join(f"{arg}: ${arg}" for arg in arguments)
        query = f"query{f'({variables})' if variables else ''} {{ {name}{f'({passing})' if passing else ''} {selection_for(root_field.type)} }}"
        response = await graphql.post(query, arguments, api_key=attacker.api_key)
        tally.check(f"query {name}", victim.appears_in(response.text))


async def attack_mutations(graphql, attacker, victim: Victim, tally: Tally) -> None:
    """Every mutation, with the victim's ids in every ID slot of its input."""
    for name, mutation in graphql_schema().mutation_type.fields.items():
        arguments = arguments_for(mutation, victim.global_ids)
        variables = ", ".join(f"${arg}: {mutation.args[arg].type}" for arg in arguments)
        passing = ", ".join(f"{arg}: ${arg}" for arg in arguments)
        query = f"mutation{f'({variables})' if variables else ''} {{ {name}{f'({passing})' if passing else ''} {selection_for(mutation.type)} }}"
        response = await graphql.post(query, arguments, api_key=attacker.api_key)
        tally.check(f"mutation {name}", victim.appears_in(response.text))


async def attack_subscriptions(attacker, victim: Victim, tally: Tally) -> None:
    """Every subscription: B listens while A's events of that kind commit, then one of B's own.

    Events stream in commit order, so B's first event must be its own; one of A's first is a leak.
    """
    principal = await authenticate_api_key(token=attacker.api_key)
    context = RequestContext(request=None, response=None, principal=principal)
    for field_name, event_types in EVENT_TYPES.items():
        name = to_camel_case(field_name)
        stream = await schema.subscribe(f"subscription {{ {name} {{ type payload }} }}", context_value=context)
        first = asyncio.ensure_future(stream.__anext__())
        await asyncio.sleep(0.1)  # the stream has read its starting position
        async with tenant_transaction(victim.tenant.id):
            for event_type in event_types:
                await record_event(event_type=event_type, payload={"marker": victim.marker, "id": victim.row_ids[0], "planted_by": PLANTED})
        async with tenant_transaction(attacker.id):
            await record_event(event_type=event_types[0], payload={"marker": "attacker's own"})
        # Streamed once every older write transaction on the server has ended: generous for a shared server.
        result = await asyncio.wait_for(first, 30)
        await stream.aclose()
        received = json.dumps(result.data, default=str) if result.data else json.dumps([str(e) for e in result.errors or []])
        tally.check(f"subscription {name}", victim.appears_in(received) or "attacker's own" not in received)


async def attack_with_raw_sql(attacker, victim: Victim, tally: Tally) -> None:
    """Under the application role: B's tenant set, then none, against every tenant table."""
    client = connections.get("default")
    for model in tenant_export.tenant_owned_models():
        table = model._meta.db_table
        async with tenant_transaction(attacker.id) as connection:
            _, rows = await connection.execute_query(f'SELECT count(*) AS n FROM "{table}" WHERE tenant_id = $1', [str(victim.tenant.id)])
            tally.check(f"select {table} as B", rows[0]["n"] != 0)
            changed, _ = await connection.execute_query(f'UPDATE "{table}" SET tenant_id = tenant_id WHERE tenant_id = $1', [str(victim.tenant.id)])
            tally.check(f"update {table} as B", changed != 0)
        _, rows = await client.execute_query(f'SELECT count(*) AS n FROM "{table}"')
        tally.check(f"select {table} with no tenant", rows[0]["n"] != 0)
    try:
        async with tenant_transaction(attacker.id) as connection:
            await connection.execute_query(
                'INSERT INTO "crm_customers" (id, tenant_id, name, created_at, updated_at) VALUES ($1, $2, $3, now(), now())',
                [str(uuid.uuid4()), str(victim.tenant.id), "planted"],
            )
        tally.check("insert into the victim as B", True)
    except Exception:  # the policy's WITH CHECK refuses the row
        tally.check("insert into the victim as B", False)


def switch_off_wall_one(monkeypatch) -> None:
    """Make every `scoped()` return all rows of all tenants, as a buggy resolver would."""
    original = tenants.ownership.scoped
    for module in list(sys.modules.values()):
        if getattr(module, "scoped", None) is original:
            monkeypatch.setattr(module, "scoped", lambda model: model.all())


async def run_attacks(graphql, attacker, victim, tally, *, postgres: bool) -> None:
    await attack_nodes(graphql, attacker, victim, tally)
    await attack_root_fields(graphql, attacker, victim, tally)
    await attack_mutations(graphql, attacker, victim, tally)
    await attack_subscriptions(attacker, victim, tally)
    if postgres:
        await attack_with_raw_sql(attacker, victim, tally)


def report(capsys, label: str, tally: Tally) -> None:
    with capsys.disabled():
        print(f"\nattack suite [{label}]: {tally.attempts} attempts, {len(tally.leaks)} leaks")


def test_every_node_type_has_a_factory():
    names = {node_type.__strawberry_definition__.name for node_type in NODE_TYPES}
    assert names <= set(NODE_FACTORIES), f"add factories for {sorted(names - set(NODE_FACTORIES))}"


async def test_tenant_b_cannot_reach_tenant_a(graphql, test_database, capsys):
    victim = await load_victim()
    attacker = await make_tenant("Attacker Ltd")
    before = await snapshot(victim)
    tally = Tally()

    await run_attacks(graphql, attacker, victim, tally, postgres=test_database.is_postgres)

    report(capsys, "postgres, both walls" if test_database.is_postgres else "sqlite, wall 1", tally)
    assert tally.leaks == []
    assert tally.attempts > 3 * len(NODE_TYPES)
    assert await snapshot(victim) == before, "the victim's data changed"


async def test_row_level_security_holds_alone_when_scoping_fails(graphql, test_database, monkeypatch, capsys):
    if not test_database.is_postgres:
        pytest.skip("wall 2 is PostgreSQL's row-level security")
    victim = await load_victim()
    attacker = await make_tenant("Attacker Ltd")
    before = await snapshot(victim)
    switch_off_wall_one(monkeypatch)
    tally = Tally()

    await run_attacks(graphql, attacker, victim, tally, postgres=True)

    monkeypatch.undo()
    report(capsys, "postgres, wall 2 alone", tally)
    assert tally.leaks == []
    assert await snapshot(victim) == before, "the victim's data changed"


async def test_the_suite_finds_the_leak_when_both_walls_are_down(graphql, test_database, monkeypatch):
    if test_database.is_postgres:
        pytest.skip("on SQLite there is no wall 2, so switching off wall 1 leaves none")
    victim = await load_victim()
    attacker = await make_tenant("Attacker Ltd")
    switch_off_wall_one(monkeypatch)
    tally = Tally()

    await run_attacks(graphql, attacker, victim, tally, postgres=False)

    assert tally.leaks, "with no wall standing the suite must see the victim's data, or it proves nothing"
