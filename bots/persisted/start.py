"""Starting a stored run: what `startBotRun` and `concord bots run` both call, in the tenant's transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bots.bot_definition import BotRegistry
from bots.persisted.approvals import require_approval
from bots.registry import default_registry
from domain.bots import service as bots_service
from domain.bots.errors import BotsErrorCode
from domain.bots.models import BotRun
from domain.errors import DomainError


async def start_bot_run(
    *, bot: str, params: Mapping[str, Any], started_by: str, registry: BotRegistry | None = None
) -> BotRun:
    """Queue a run of `bot`: params checked by the bot's schema (InvalidParams names each bad one), four eyes
    for payments, the tenant's portal configured, no other live run making the same write (DomainError)."""
    registry = registry or default_registry()
    if bot not in registry:
        raise DomainError(BotsErrorCode.UNKNOWN_BOT, f"unknown bot {bot!r}; known bots: {', '.join(registry.names())}", field="bot")
    definition = registry.get(bot)
    valid = definition.validate(params)
    await bots_service.get_portal_or_raise(portal=definition.portal)
    await require_approval(bot, valid)
    write = valid.write_intent() if definition.makes_writes else None  # type: ignore[attr-defined]
    return await bots_service.create_run(
        bot=bot,
        portal=definition.portal,
        params=valid.model_dump(mode="json"),
        started_by=started_by,
        idempotency_key=write.subject if write else None,
    )
