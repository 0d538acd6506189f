"""createRule"""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON
from tortoise.transactions import in_transaction

from api.automation.mutations.rule_input import bot_names
from api.automation.types import RuleNode
from api.context import Info
from api.errors import UserError, user_error
from domain.automation import service as automation_service
from domain.errors import DomainError


@strawberry.input(description="when `eventType` [if `condition`] then `action`.")
class CreateRuleInput:
    name: str
    event_type: str
    action: JSON = strawberry.field(description='{"type": "create_ticket", "params": {"subject": "…"}}')
    condition: JSON | None = strawberry.field(
        default=None, description='e.g. {"all": [{"field": "amount", "op": "gt", "value": "1000"}]}'
    )


@strawberry.type
class CreateRulePayload:
    rule: RuleNode | None
    user_errors: list[UserError]


async def create_rule(info: Info, input: CreateRuleInput) -> CreateRulePayload:
    try:
        async with in_transaction():
            rule = await automation_service.create_rule(
                name=input.name, event_type=input.event_type, condition=input.condition, action=input.action,
                saved_by=info.context.require_principal().subject, bot_names=bot_names(), settings=info.context.settings,
            )
    except DomainError as error:
        return CreateRulePayload(rule=None, user_errors=[user_error(error)])
    return CreateRulePayload(rule=RuleNode.from_model(rule), user_errors=[])
