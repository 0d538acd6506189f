"""The exactly-once ledger: a write a bot makes (a payment, a filing, an order) is recorded BEFORE it is sent.

The portal is the truth about what happened; the ledger is what we know we tried. Together:

- a bot reads the portal's state for the write's key first (`record_check`); if the portal shows the
  write, the ledger confirms it and nothing is sent again;
- then `record_submit` records the intent (or one more submit of an intent an earlier attempt left
  unconfirmed) before the bot sends anything;
- a ledger that says *confirmed* while the portal shows nothing is a contradiction: the bot stops
  instead of writing again, and a person looks;
- the same key for a different write (another amount, another payee) is refused before the portal is touched.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from domain import clock
from domain.bots.errors import BotsErrorCode
from domain.bots.models import BotRun, BotWriteIntent, IntentStatus
from domain.errors import DomainError
from tenants.ownership import create_owned, scoped


@dataclass(frozen=True)
class IntentInput:
    scope: str
    key: str
    digest: str
    summary: dict[str, Any]


async def get_intent(*, scope: str, key: str) -> BotWriteIntent | None:
    return await scoped(BotWriteIntent).get_or_none(scope=scope, key=key)


def _refuse_other_write(intent: BotWriteIntent, wanted: IntentInput) -> None:
    if intent.digest != wanted.digest:
        raise DomainError(
            BotsErrorCode.WRITE_KEY_REUSED,
            f"{wanted.scope} key {wanted.key} was already used for a different write ({intent.summary})",
        )


async def record_check(*, run_id: uuid.UUID, wanted: IntentInput, found: dict[str, Any] | None) -> BotWriteIntent | None:
    """What the portal showed for the key; confirms the intent when it shows the write done."""
    intent = await scoped(BotWriteIntent).select_for_update().get_or_none(scope=wanted.scope, key=wanted.key)
    if intent is not None:
        _refuse_other_write(intent, wanted)
    if found is None:
        if intent is not None and intent.status is IntentStatus.CONFIRMED:
            raise DomainError(
                BotsErrorCode.LEDGER_CONTRADICTS_PORTAL,
                f"the ledger records {wanted.scope} {wanted.key} as confirmed ({intent.confirmation}) but the portal "
                "does not show it: not sending it again, a person must check the portal",
            )
        return intent
    return await confirm(run_id=run_id, wanted=wanted, confirmation={**found, "found_on_portal": True})


async def record_submit(*, run_id: uuid.UUID, wanted: IntentInput) -> BotWriteIntent:
    """The intent, recorded (or its submit counted again) in its own committed transaction before the submit."""
    intent = await scoped(BotWriteIntent).select_for_update().get_or_none(scope=wanted.scope, key=wanted.key)
    if intent is None:
        try:
            async with in_transaction():
                return await create_owned(
                    BotWriteIntent, scope=wanted.scope, key=wanted.key, digest=wanted.digest, summary=wanted.summary,
                    run_id=run_id, submits=1,
                )
        except IntegrityError:
            intent = await scoped(BotWriteIntent).select_for_update().get(scope=wanted.scope, key=wanted.key)
    _refuse_other_write(intent, wanted)
    if intent.status is IntentStatus.CONFIRMED:
        raise DomainError(BotsErrorCode.LEDGER_CONTRADICTS_PORTAL, f"{wanted.scope} {wanted.key} is already confirmed")
    if intent.status is IntentStatus.INTENDED and intent.run_id not in (None, run_id):
        other = await scoped(BotRun).get_or_none(id=intent.run_id)
        if other is not None and not other.status.is_final and other.lease_expires_at and other.lease_expires_at > clock.now():
            raise DomainError(BotsErrorCode.IDEMPOTENCY_KEY_IN_USE, f"run {other.id} is sending {wanted.key} right now")
    intent.status, intent.run_id, intent.submits = IntentStatus.INTENDED, run_id, intent.submits + 1
    await intent.save(update_fields=["status", "run_id", "submits", "updated_at"])
    return intent


async def confirm(*, run_id: uuid.UUID, wanted: IntentInput, confirmation: dict[str, Any]) -> BotWriteIntent:
    """The portal confirmed the write (its answer, or its list showing an earlier attempt's write)."""
    intent = await scoped(BotWriteIntent).select_for_update().get_or_none(scope=wanted.scope, key=wanted.key)
    if intent is None:
        try:
            async with in_transaction():
                intent = await create_owned(
                    BotWriteIntent, scope=wanted.scope, key=wanted.key, digest=wanted.digest, summary=wanted.summary, run_id=run_id
                )
        except IntegrityError:
            intent = await scoped(BotWriteIntent).select_for_update().get(scope=wanted.scope, key=wanted.key)
    _refuse_other_write(intent, wanted)
    if intent.status is not IntentStatus.CONFIRMED:
        intent.status, intent.confirmation, intent.confirmed_at, intent.run_id = IntentStatus.CONFIRMED, confirmation, clock.now(), run_id
        await intent.save(update_fields=["status", "confirmation", "confirmed_at", "run_id", "updated_at"])
    return intent


async def record_not_sent(*, run_id: uuid.UUID, wanted: IntentInput) -> None:
    """The portal refused before anything was sent (a bad code, a refusal): the intent stays open, nothing happened."""
    await scoped(BotWriteIntent).filter(scope=wanted.scope, key=wanted.key, status=IntentStatus.INTENDED, run_id=run_id).update(
        status=IntentStatus.NOT_SENT, updated_at=clock.now()
    )
