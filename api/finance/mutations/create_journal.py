"""createJournal"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.finance.mutations.inputs import JournalEntryInput, journal_entries
from api.finance.types import JournalNode
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class CreateJournalInput:
    entry_date: date
    description: str
    currency: str
    entries: list[JournalEntryInput] = strawberry.field(default_factory=list)


@strawberry.type
class CreateJournalPayload:
    journal: JournalNode | None
    user_errors: list[UserError]


async def create_journal(input: CreateJournalInput) -> CreateJournalPayload:
    try:
        async with in_transaction():
            journal = await finance_service.create_journal(
                entry_date=input.entry_date, description=input.description, currency=input.currency, entries=journal_entries(input.entries)
            )
    except DomainError as error:
        return CreateJournalPayload(journal=None, user_errors=[user_error(error)])
    return CreateJournalPayload(journal=JournalNode.from_model(journal), user_errors=[])
