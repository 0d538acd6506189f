"""configureBotPortal"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.bots.types import BotPortalType
from api.errors import UserError, user_error
from domain.bots import service as bots_service
from domain.errors import DomainError

PORTALS = ("tax", "bank", "supplier")


@strawberry.input
class ConfigureBotPortalInput:
    portal: str = strawberry.field(description="tax, bank or supplier")
    base_url: str


@strawberry.type
class ConfigureBotPortalPayload:
    portal: BotPortalType | None
    user_errors: list[UserError]


async def configure_bot_portal(input: ConfigureBotPortalInput) -> ConfigureBotPortalPayload:
    if input.portal not in PORTALS:
        error = UserError(field=["input", "portal"], message=f"portal must be one of {', '.join(PORTALS)}", code="INVALID")
        return ConfigureBotPortalPayload(portal=None, user_errors=[error])
    try:
        async with in_transaction():
            row = await bots_service.configure_portal(portal=input.portal, base_url=input.base_url)
    except DomainError as error:
        return ConfigureBotPortalPayload(portal=None, user_errors=[user_error(error)])
    return ConfigureBotPortalPayload(portal=BotPortalType.from_model(row), user_errors=[])
