"""qualifyLead"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.types import LeadNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class QualifyLeadInput:
    lead_id: strawberry.ID


@strawberry.type
class QualifyLeadPayload:
    lead: LeadNode | None
    user_errors: list[UserError]


async def qualify_lead(input: QualifyLeadInput) -> QualifyLeadPayload:
    try:
        async with in_transaction():
            lead = await sales_service.qualify_lead(lead_id=decode_input_id(input.lead_id, expected_type="Lead", field="lead_id"))
    except DomainError as error:
        return QualifyLeadPayload(lead=None, user_errors=[user_error(error)])
    return QualifyLeadPayload(lead=LeadNode.from_model(lead), user_errors=[])
