"""The evidence chain: for each filing or payment, what was sent, the portal's confirmation, the receipt and the
trace, hashed into an append-only chain per tenant.

Each record's hash covers its content and the hash of the record before it, so changing, removing or
re-ordering any record breaks every hash after it. `verify_chain` is what an auditor runs; on
PostgreSQL a trigger also refuses UPDATE and DELETE on the table.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from domain import clock
from domain.bots.models import BotEvidenceRecord
from tenants.context import current_tenant_id
from tenants.ownership import create_owned, scoped

GENESIS = "0" * 64
APPEND_ATTEMPTS = 5


def canonical(value: Any) -> bytes:
    """The JSON every hash is taken over: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def record_hash(*, tenant_id: uuid.UUID, sequence: int, subject: str, bot: str, run_id: uuid.UUID, content: dict, previous_hash: str) -> str:
    body = {
        "tenant_id": str(tenant_id),
        "sequence": sequence,
        "subject": subject,
        "bot": bot,
        "run_id": str(run_id),
        "content": content,
        "previous_hash": previous_hash,
    }
    return hashlib.sha256(previous_hash.encode() + canonical(body)).hexdigest()


async def evidence_for(*, subject: str) -> BotEvidenceRecord | None:
    return await scoped(BotEvidenceRecord).get_or_none(subject=subject)


async def append_evidence(*, subject: str, bot: str, run_id: uuid.UUID, content: dict[str, Any]) -> BotEvidenceRecord:
    """Add the evidence of one write at the end of the tenant's chain, once per subject."""
    content = {**content, "recorded_at": clock.now().isoformat()}
    for _ in range(APPEND_ATTEMPTS):
        existing = await evidence_for(subject=subject)
        if existing is not None:
            return existing
        last = await scoped(BotEvidenceRecord).order_by("-sequence").first()
        sequence = last.sequence + 1 if last else 1
        previous = last.record_hash if last else GENESIS
        digest = record_hash(
            tenant_id=current_tenant_id(), sequence=sequence, subject=subject, bot=bot, run_id=run_id, content=content, previous_hash=previous
        )
        try:
            async with in_transaction():  # a savepoint: a concurrent append took the sequence, read the end again
                return await create_owned(
                    BotEvidenceRecord, sequence=sequence, subject=subject, bot=bot, bot_run_id=run_id, content=content,
                    previous_hash=previous, record_hash=digest,
                )
        except IntegrityError:
            continue
    raise RuntimeError(f"could not append evidence for {subject} after {APPEND_ATTEMPTS} attempts")


@dataclass(frozen=True)
class ChainVerification:
    valid: bool
    records: int
    problems: list[str] = field(default_factory=list)
    last_hash: str = GENESIS


async def verify_chain(*, file_hashes: dict[str, str] | None = None) -> ChainVerification:
    """Recompute every link of the tenant's chain; `file_hashes` (artifact path -> sha256 of the file now)
    also checks that the receipts and traces the records name are unchanged on disk."""
    tenant_id = current_tenant_id()
    problems: list[str] = []
    previous = GENESIS
    records = await scoped(BotEvidenceRecord).order_by("sequence")
    for expected_sequence, record in enumerate(records, start=1):
        where = f"record {record.sequence} ({record.subject})"
        if record.sequence != expected_sequence:
            problems.append(f"{where}: expected sequence {expected_sequence}, a record is missing")
        if record.previous_hash != previous:
            problems.append(f"{where}: does not link to the record before it")
        digest = record_hash(
            tenant_id=tenant_id, sequence=record.sequence, subject=record.subject, bot=record.bot, run_id=record.bot_run_id,
            content=record.content, previous_hash=record.previous_hash,
        )
        if digest != record.record_hash:
            problems.append(f"{where}: its content does not match its hash")
        for label in ("receipt", "trace"):
            item = record.content.get(label) or {}
            if file_hashes is not None and item.get("path") and file_hashes.get(item["path"]) != item.get("sha256"):
                problems.append(f"{where}: the {label} file {item['path']} is missing or changed")
        previous = record.record_hash
    return ChainVerification(valid=not problems, records=len(records), problems=problems, last_hash=previous)


def evidence_records():
    """The tenant's chain, oldest first."""
    return scoped(BotEvidenceRecord).order_by("sequence")
