"""startBotRun"""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON
from tortoise.transactions import in_transaction

from api.bots.mutations.errors import bots_user_error, params_errors
from api.bots.types import BotRunNode
from api.context import Info
from api.errors import UserError
from bots.errors import InvalidParams
from bots.persisted import start_bot_run as queue_bot_run
from domain.errors import DomainError


@strawberry.input
class StartBotRunInput:
    bot: str = strawberry.field(description='The bot\'s name, e.g. "bank.download_statements".')
    params: JSON = strawberry.field(description="The bot's params as an object; refused params are named in userErrors.")


@strawberry.type
class StartBotRunPayload:
    bot_run: BotRunNode | None
    user_errors: list[UserError]


async def start_bot_run(info: Info, input: StartBotRunInput) -> StartBotRunPayload:
    principal = info.context.require_principal()
    if not isinstance(input.params, dict):
        error = UserError(field=["input", "params"], message="params must be an object", code="INVALID_PARAMS")
        return StartBotRunPayload(bot_run=None, user_errors=[error])
    try:
        async with in_transaction():
            run = await queue_bot_run(bot=input.bot, params=input.params, started_by=principal.subject)
    except InvalidParams as error:
        return StartBotRunPayload(bot_run=None, user_errors=params_errors(error))
    except DomainError as error:
        return StartBotRunPayload(bot_run=None, user_errors=[bots_user_error(error)])
    return StartBotRunPayload(bot_run=BotRunNode.from_model(run), user_errors=[])
