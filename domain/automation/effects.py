"""Exactly-once effects: a message's effect and the record that it happened commit together."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from domain.automation.models import AppliedEffect
from tenants.ownership import create_owned, scoped


async def claim_effect(*, idempotency_key: str, actor: str) -> bool:
    """True the first time `idempotency_key` is claimed in this transaction's tenant, False ever after.

    Call it inside the transaction that makes the effect: if that transaction rolls back, the claim
    goes with it and a redelivery may try again. A concurrent claimer waits on the unique key and
    then gets False.
    """
    if await scoped(AppliedEffect).filter(idempotency_key=idempotency_key).exists():
        return False
    try:
        async with in_transaction():  # a savepoint, so a lost race does not spoil the caller's transaction
            await create_owned(AppliedEffect, idempotency_key=idempotency_key, actor=actor)
    except IntegrityError:
        return False
    return True
