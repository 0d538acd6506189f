"""provideBotInput"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.bots.types import BotRunNode
from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from domain.bots import service as bots_service
from domain.errors import DomainError
from tenants.vault import VaultKeys


@strawberry.input
class ProvideBotInputInput:
    run_id: strawberry.ID
    value: str = strawberry.field(description="The answer, e.g. a one-time code; kept encrypted until the run takes it, never logged.")


@strawberry.type
class ProvideBotInputPayload:
    bot_run: BotRunNode | None
    user_errors: list[UserError]


async def provide_bot_input(info: Info, input: ProvideBotInputInput) -> ProvideBotInputPayload:
    principal = info.context.require_principal()
    try:
        async with in_transaction():
            run = await bots_service.provide_input(
                run_id=decode_input_id(input.run_id, expected_type="BotRun", field="run_id"),
                value=input.value,
                answered_by=principal.subject,
                keys=VaultKeys.from_settings(info.context.settings),
            )
    except DomainError as error:
        return ProvideBotInputPayload(bot_run=None, user_errors=[user_error(error)])
    return ProvideBotInputPayload(bot_run=BotRunNode.from_model(run), user_errors=[])
