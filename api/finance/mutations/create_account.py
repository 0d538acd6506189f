"""createAccount"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.finance.enums import AccountType
from api.finance.types import AccountNode
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class CreateAccountInput:
    code: str
    name: str
    type: AccountType


@strawberry.type
class CreateAccountPayload:
    account: AccountNode | None
    user_errors: list[UserError]


async def create_account(input: CreateAccountInput) -> CreateAccountPayload:
    try:
        async with in_transaction():
            account = await finance_service.create_account(code=input.code, name=input.name, type=input.type)
    except DomainError as error:
        return CreateAccountPayload(account=None, user_errors=[user_error(error)])
    return CreateAccountPayload(account=AccountNode.from_model(account), user_errors=[])
