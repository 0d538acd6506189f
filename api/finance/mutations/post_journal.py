"""postJournal"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.finance.types import JournalNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class PostJournalInput:
    journal_id: strawberry.ID


@strawberry.type
class PostJournalPayload:
    journal: JournalNode | None
    user_errors: list[UserError]


async def post_journal(info: Info, input: PostJournalInput) -> PostJournalPayload:
    try:
        async with in_transaction():
            journal = await finance_service.post_journal(
                journal_id=decode_input_id(input.journal_id, expected_type="Journal", field="journal_id"),
                posted_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return PostJournalPayload(journal=None, user_errors=[user_error(error)])
    return PostJournalPayload(journal=JournalNode.from_model(journal), user_errors=[])
