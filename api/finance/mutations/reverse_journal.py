"""reverseJournal"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.finance.types import JournalNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class ReverseJournalInput:
    journal_id: strawberry.ID
    entry_date: date
    reason: str


@strawberry.type
class ReverseJournalPayload:
    reversal: JournalNode | None = strawberry.field(description="The posted mirror image of the journal.")
    user_errors: list[UserError]


async def reverse_journal(info: Info, input: ReverseJournalInput) -> ReverseJournalPayload:
    try:
        async with in_transaction():
            reversal = await finance_service.reverse_journal(
                journal_id=decode_input_id(input.journal_id, expected_type="Journal", field="journal_id"), entry_date=input.entry_date,
                reason=input.reason, posted_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return ReverseJournalPayload(reversal=None, user_errors=[user_error(error)])
    return ReverseJournalPayload(reversal=JournalNode.from_model(reversal), user_errors=[])
