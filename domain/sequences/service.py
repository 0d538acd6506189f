"""Handing out document numbers: gap-tolerant, never twice within a tenant."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.transactions import in_transaction

from domain.sequences.models import DocumentSequence
from tenants.ownership import create_owned, scoped


async def next_value(*, sequence: str) -> int:
    """The next counter value of `sequence` for the current tenant (row-locked on PostgreSQL)."""
    async with in_transaction():
        counter = await scoped(DocumentSequence).select_for_update().get_or_none(name=sequence)
        if counter is None:
            try:
                async with in_transaction():
                    counter = await create_owned(DocumentSequence, name=sequence, last_value=0)
            except IntegrityError:  # a concurrent transaction created it first
                counter = await scoped(DocumentSequence).select_for_update().get(name=sequence)
        counter.last_value += 1
        await counter.save(update_fields=["last_value", "updated_at"])
        return counter.last_value


async def next_number(*, model: type[Model], prefix: str, field: str = "number") -> str:
    """The next unused `<prefix>NNNNNN` number of `model` for the current tenant."""
    while True:
        candidate = f"{prefix}{await next_value(sequence=model._meta.db_table):06d}"
        if not await scoped(model).filter(**{field: candidate}).exists():
            return candidate
