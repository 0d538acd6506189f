"""updateCustomer"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.crm.types import CustomerNode
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from domain.crm import service as crm_service
from domain.errors import DomainError


@strawberry.input
class UpdateCustomerInput:
    id: strawberry.ID
    name: str | None = None
    email: str | None = strawberry.UNSET


@strawberry.type
class UpdateCustomerPayload:
    customer: CustomerNode | None
    user_errors: list[UserError]


async def update_customer(input: UpdateCustomerInput) -> UpdateCustomerPayload:
    changes = {} if input.email is strawberry.UNSET else {"email": input.email}
    try:
        async with in_transaction():
            customer = await crm_service.update_customer(
                customer_id=decode_input_id(input.id, expected_type="Customer", field="id"), name=input.name, **changes
            )
    except DomainError as error:
        return UpdateCustomerPayload(customer=None, user_errors=[user_error(error)])
    return UpdateCustomerPayload(customer=CustomerNode.from_model(customer), user_errors=[])
