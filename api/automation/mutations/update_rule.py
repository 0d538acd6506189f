"""updateRule"""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON
from tortoise.transactions import in_transaction

from api.automation.mutations.rule_input import bot_names
from api.automation.types import RuleNode
from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from domain.automation import service as automation_service
from domain.errors import DomainError


@strawberry.input(description="The parts to change; the rule is saved as its next version.")
class UpdateRuleInput:
    id: strawberry.ID
    name: str | None = None
    event_type: str | None = None
    condition: JSON | None = strawberry.field(default=strawberry.UNSET, description="null removes the condition")
    action: JSON | None = None
    enabled: bool | None = None


@strawberry.type
class UpdateRulePayload:
    rule: RuleNode | None
    user_errors: list[UserError]


async def update_rule(info: Info, input: UpdateRuleInput) -> UpdateRulePayload:
    changes = {} if input.condition is strawberry.UNSET else {"condition": input.condition}
    try:
        async with in_transaction():
            rule = await automation_service.update_rule(
                rule_id=decode_input_id(input.id, expected_type="Rule", field="id"), name=input.name, event_type=input.event_type,
                action=input.action, enabled=input.enabled, saved_by=info.context.require_principal().subject,
                bot_names=bot_names(), settings=info.context.settings, **changes,
            )
    except DomainError as error:
        return UpdateRulePayload(rule=None, user_errors=[user_error(error)])
    return UpdateRulePayload(rule=RuleNode.from_model(rule), user_errors=[])
