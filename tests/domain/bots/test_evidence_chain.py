"""The evidence chain: each filing or payment hashed with the record before it; an auditor's verify finds any change."""

from __future__ import annotations

import uuid

import asyncpg
import pytest
from tortoise import connections

from domain.bots import service as bots
from domain.bots.models import BotEvidenceRecord
from tenants.context import tenant_transaction
from tenants.ownership import scoped


async def three_payments() -> list[BotEvidenceRecord]:
    return [
        await bots.append_evidence(
            subject=f"bank.payment:key-{number}",
            bot="bank.submit_payment",
            run_id=uuid.uuid4(),
            content={
                "submitted": {"amount": f"{number}00.00", "iban": "NL91ABNA0417164300"},
                "confirmation": {"payment_id": f"PAY-{number}"},
                "receipt": {"path": f"t/r/{number}.png", "sha256": "1" * 64, "size": 10},
                "trace": {"trace_id": "ab" * 16, "path": f"t/r/{number}.zip", "sha256": "2" * 64, "size": 20},
            },
        )
        for number in (1, 2, 3)
    ]


async def tamper(test_database, sql: str, *args) -> None:
    """As an insider with the schema owner's rights: on PostgreSQL that means switching the append-only trigger off."""
    if not test_database.is_postgres:
        await connections.get("default").execute_query(sql.replace("$1", "?").replace("$2", "?"), list(args))
        return
    connection = await asyncpg.connect(test_database.owner_url.replace("postgres://", "postgresql://", 1))
    try:
        await connection.execute("ALTER TABLE bots_evidence_records DISABLE TRIGGER bots_evidence_records_append_only")
        await connection.execute(sql, *args)
        await connection.execute("ALTER TABLE bots_evidence_records ENABLE TRIGGER bots_evidence_records_append_only")
    finally:
        await connection.close()


async def test_each_record_links_to_the_one_before_and_the_chain_verifies(tenant):
    async with tenant_transaction(tenant.id):
        records = await three_payments()
        again = await bots.append_evidence(subject="bank.payment:key-1", bot="bank.submit_payment", run_id=uuid.uuid4(), content={})
        result = await bots.verify_chain()
    assert [record.sequence for record in records] == [1, 2, 3]
    assert records[1].previous_hash == records[0].record_hash and records[2].previous_hash == records[1].record_hash
    assert again.id == records[0].id, "a write's evidence is recorded once"
    assert result.valid and result.records == 3 and result.last_hash == records[2].record_hash


async def test_a_tampered_record_fails_verification(tenant, test_database):
    async with tenant_transaction(tenant.id):
        records = await three_payments()
    content = dict(records[1].content, submitted={"amount": "999999.00", "iban": "NL91ABNA0417164300"})
    import json

    await tamper(test_database, "UPDATE bots_evidence_records SET content = $1 WHERE id = $2", json.dumps(content), str(records[1].id))
    async with tenant_transaction(tenant.id):
        result = await bots.verify_chain()
    assert not result.valid
    assert result.problems == ["record 2 (bank.payment:key-2): its content does not match its hash"]


async def test_a_removed_record_breaks_the_chain(tenant, test_database):
    async with tenant_transaction(tenant.id):
        records = await three_payments()
    await tamper(test_database, "DELETE FROM bots_evidence_records WHERE id = $1", str(records[1].id))
    async with tenant_transaction(tenant.id):
        result = await bots.verify_chain()
    assert not result.valid and any("a record is missing" in problem for problem in result.problems)


async def test_changed_receipt_files_fail_verification(tenant):
    async with tenant_transaction(tenant.id):
        await three_payments()
        good = await bots.verify_chain(file_hashes={"t/r/1.png": "1" * 64, "t/r/1.zip": "2" * 64, "t/r/2.png": "1" * 64, "t/r/2.zip": "2" * 64, "t/r/3.png": "1" * 64, "t/r/3.zip": "2" * 64})
        bad = await bots.verify_chain(file_hashes={"t/r/1.png": "f" * 64})
    assert good.valid
    assert not bad.valid and "the receipt file t/r/1.png is missing or changed" in bad.problems[0]


async def test_postgresql_refuses_to_update_an_evidence_record(tenant, test_database):
    if not test_database.is_postgres:
        pytest.skip("the append-only trigger is PostgreSQL's")
    async with tenant_transaction(tenant.id):
        [record, *_] = await three_payments()
    with pytest.raises(Exception, match="append-only"):
        async with tenant_transaction(tenant.id):
            await scoped(BotEvidenceRecord).filter(id=record.id).update(bot="changed")
