"""updateJournal"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.finance.types import JournalNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input(description="Only the given fields change; a posted journal is refused.")
class UpdateJournalInput:
    journal_id: strawberry.ID
    description: str | None = None
    entry_date: date | None = None


@strawberry.type
class UpdateJournalPayload:
    journal: JournalNode | None
    user_errors: list[UserError]


async def update_journal(input: UpdateJournalInput) -> UpdateJournalPayload:
    try:
        async with in_transaction():
            journal = await finance_service.update_journal(
                journal_id=decode_input_id(input.journal_id, expected_type="Journal", field="journal_id"),
                description=input.description, entry_date=input.entry_date,
            )
    except DomainError as error:
        return UpdateJournalPayload(journal=None, user_errors=[user_error(error)])
    return UpdateJournalPayload(journal=JournalNode.from_model(journal), user_errors=[])
