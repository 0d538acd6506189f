"""convertLead"""

from __future__ import annotations

from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from api.sales.types import DealNode, LeadNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class ConvertLeadInput:
    lead_id: strawberry.ID
    pipeline_id: strawberry.ID
    deal_name: str
    amount: Decimal
    currency: str
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="An existing customer; without it a customer is created from the lead."
    )


@strawberry.type
class ConvertLeadPayload:
    lead: LeadNode | None
    deal: DealNode | None
    user_errors: list[UserError]


async def convert_lead(info: Info, input: ConvertLeadInput) -> ConvertLeadPayload:
    try:
        async with in_transaction():
            lead_id = decode_input_id(input.lead_id, expected_type="Lead", field="lead_id")
            deal = await sales_service.convert_lead(
                lead_id=lead_id,
                pipeline_id=decode_input_id(input.pipeline_id, expected_type="Pipeline", field="pipeline_id"),
                customer_id=decode_input_id(input.customer_id, expected_type="Customer", field="customer_id") if input.customer_id else None,
                deal_name=input.deal_name, amount=input.amount, currency=input.currency,
                converted_by=info.context.require_principal().subject,
            )
            lead = await sales_service.get_lead_or_raise(lead_id=lead_id)
    except DomainError as error:
        return ConvertLeadPayload(lead=None, deal=None, user_errors=[user_error(error)])
    return ConvertLeadPayload(lead=LeadNode.from_model(lead), deal=DealNode.from_model(deal), user_errors=[])
