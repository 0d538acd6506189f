"""Each outbox event gets its stream position from the database as it is recorded: later than every
event committed before it, in recording order within one transaction, and never one handed out before."""

from __future__ import annotations

from domain.outbox import record_event
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import scoped


async def record(tenant_id, *names: str) -> None:
    async with tenant_transaction(tenant_id):
        for name in names:
            await record_event(event_type="test.happened", payload={"name": name})


async def stream(tenant_id) -> list[tuple[str, tuple[int, int]]]:
    async with tenant_transaction(tenant_id):
        events = await scoped(OutboxEvent).order_by("position_txn", "position_seq")
    return [(event.payload["name"], (event.position_txn, event.position_seq)) for event in events]


async def test_events_stand_in_the_stream_in_the_order_they_were_committed_and_recorded(db, tenant):
    await record(tenant.id, "first")
    await record(tenant.id, "second", "third", "fourth")

    names_and_positions = await stream(tenant.id)

    assert [name for name, _ in names_and_positions] == ["first", "second", "third", "fourth"]
    positions = [position for _, position in names_and_positions]
    assert len(set(positions)) == 4 and all(txn > 0 and seq > 0 for txn, seq in positions)


async def test_a_deleted_events_position_is_never_handed_out_again(db, tenant):
    await record(tenant.id, "kept", "deleted")
    [_, (_, deleted_position)] = await stream(tenant.id)
    async with tenant_transaction(tenant.id):
        await scoped(OutboxEvent).filter(position_txn=deleted_position[0], position_seq=deleted_position[1]).delete()

    await record(tenant.id, "new")

    [(_, _), (name, new_position)] = await stream(tenant.id)
    assert name == "new" and new_position > deleted_position
