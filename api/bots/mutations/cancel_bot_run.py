"""cancelBotRun"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.bots.types import BotRunNode
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from domain.bots import service as bots_service
from domain.errors import DomainError


@strawberry.input
class CancelBotRunInput:
    id: strawberry.ID


@strawberry.type
class CancelBotRunPayload:
    bot_run: BotRunNode | None
    user_errors: list[UserError]


async def cancel_bot_run(input: CancelBotRunInput) -> CancelBotRunPayload:
    try:
        async with in_transaction():
            run = await bots_service.request_cancel(run_id=decode_input_id(input.id, expected_type="BotRun", field="id"))
    except DomainError as error:
        return CancelBotRunPayload(bot_run=None, user_errors=[user_error(error)])
    return CancelBotRunPayload(bot_run=BotRunNode.from_model(run), user_errors=[])
