"""createCustomer"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.crm.types import CustomerNode
from api.errors import UserError, user_error
from domain.crm import service as crm_service
from domain.errors import DomainError


@strawberry.input
class CreateCustomerInput:
    name: str
    email: str | None = None


@strawberry.type
class CreateCustomerPayload:
    customer: CustomerNode | None
    user_errors: list[UserError]


async def create_customer(input: CreateCustomerInput) -> CreateCustomerPayload:
    try:
        async with in_transaction():
            customer = await crm_service.create_customer(name=input.name, email=input.email)
    except DomainError as error:
        return CreateCustomerPayload(customer=None, user_errors=[user_error(error)])
    return CreateCustomerPayload(customer=CustomerNode.from_model(customer), user_errors=[])
