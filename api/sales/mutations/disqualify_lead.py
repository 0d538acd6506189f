"""disqualifyLead"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.types import LeadNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class DisqualifyLeadInput:
    lead_id: strawberry.ID


@strawberry.type
class DisqualifyLeadPayload:
    lead: LeadNode | None
    user_errors: list[UserError]


async def disqualify_lead(input: DisqualifyLeadInput) -> DisqualifyLeadPayload:
    try:
        async with in_transaction():
            lead = await sales_service.disqualify_lead(lead_id=decode_input_id(input.lead_id, expected_type="Lead", field="lead_id"))
    except DomainError as error:
        return DisqualifyLeadPayload(lead=None, user_errors=[user_error(error)])
    return DisqualifyLeadPayload(lead=LeadNode.from_model(lead), user_errors=[])
