"""deleteJournalEntry"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.finance.types import JournalNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class DeleteJournalEntryInput:
    journal_id: strawberry.ID
    entry_id: strawberry.ID


@strawberry.type
class DeleteJournalEntryPayload:
    journal: JournalNode | None
    user_errors: list[UserError]


async def delete_journal_entry(input: DeleteJournalEntryInput) -> DeleteJournalEntryPayload:
    try:
        async with in_transaction():
            journal_id = decode_input_id(input.journal_id, expected_type="Journal", field="journal_id")
            await finance_service.delete_journal_entry(
                journal_id=journal_id, entry_id=decode_input_id(input.entry_id, expected_type="JournalEntry", field="entry_id")
            )
            journal = await finance_service.get_journal_or_raise(journal_id=journal_id)
    except DomainError as error:
        return DeleteJournalEntryPayload(journal=None, user_errors=[user_error(error)])
    return DeleteJournalEntryPayload(journal=JournalNode.from_model(journal), user_errors=[])
