"""disableRule"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.automation.types import RuleNode
from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from domain.automation import service as automation_service
from domain.errors import DomainError


@strawberry.input
class DisableRuleInput:
    id: strawberry.ID


@strawberry.type
class DisableRulePayload:
    rule: RuleNode | None
    user_errors: list[UserError]


async def disable_rule(info: Info, input: DisableRuleInput) -> DisableRulePayload:
    try:
        async with in_transaction():
            rule = await automation_service.disable_rule(
                rule_id=decode_input_id(input.id, expected_type="Rule", field="id"), saved_by=info.context.require_principal().subject
            )
    except DomainError as error:
        return DisableRulePayload(rule=None, user_errors=[user_error(error)])
    return DisableRulePayload(rule=RuleNode.from_model(rule), user_errors=[])
