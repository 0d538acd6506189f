"""addJournalEntries"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.finance.mutations.inputs import JournalEntryInput, journal_entries
from api.finance.types import JournalNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class AddJournalEntriesInput:
    journal_id: strawberry.ID
    entries: list[JournalEntryInput]


@strawberry.type
class AddJournalEntriesPayload:
    journal: JournalNode | None
    user_errors: list[UserError]


async def add_journal_entries(input: AddJournalEntriesInput) -> AddJournalEntriesPayload:
    try:
        async with in_transaction():
            journal_id = decode_input_id(input.journal_id, expected_type="Journal", field="journal_id")
            existing = await finance_service.journal_entries(journal_id=journal_id).count()
            journal = await finance_service.add_journal_entries(
                journal_id=journal_id, entries=journal_entries(input.entries, first_index=existing)
            )
    except DomainError as error:
        return AddJournalEntriesPayload(journal=None, user_errors=[user_error(error)])
    return AddJournalEntriesPayload(journal=JournalNode.from_model(journal), user_errors=[])
