"""createContact"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.crm.types import ContactNode
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from domain.crm import service as crm_service
from domain.errors import DomainError


@strawberry.input
class CreateContactInput:
    customer_id: strawberry.ID
    first_name: str
    last_name: str
    email: str | None = None
    phone: str | None = None
    job_title: str | None = None


@strawberry.type
class CreateContactPayload:
    contact: ContactNode | None
    user_errors: list[UserError]


async def create_contact(input: CreateContactInput) -> CreateContactPayload:
    try:
        async with in_transaction():
            contact = await crm_service.create_contact(
                customer_id=decode_input_id(input.customer_id, expected_type="Customer", field="customer_id"),
                first_name=input.first_name, last_name=input.last_name, email=input.email, phone=input.phone,
                job_title=input.job_title,
            )
    except DomainError as error:
        return CreateContactPayload(contact=None, user_errors=[user_error(error)])
    return CreateContactPayload(contact=ContactNode.from_model(contact), user_errors=[])
