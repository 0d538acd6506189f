"""createLead"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.sales.types import LeadNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class CreateLeadInput:
    company_name: str
    contact_name: str | None = None
    email: str | None = None
    source: str | None = None
    owner: str | None = None


@strawberry.type
class CreateLeadPayload:
    lead: LeadNode | None
    user_errors: list[UserError]


async def create_lead(input: CreateLeadInput) -> CreateLeadPayload:
    try:
        async with in_transaction():
            lead = await sales_service.create_lead(
                company_name=input.company_name, contact_name=input.contact_name, email=input.email, source=input.source,
                owner=input.owner,
            )
    except DomainError as error:
        return CreateLeadPayload(lead=None, user_errors=[user_error(error)])
    return CreateLeadPayload(lead=LeadNode.from_model(lead), user_errors=[])
