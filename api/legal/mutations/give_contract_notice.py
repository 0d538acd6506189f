"""giveContractNotice"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.legal.types import ContractNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.legal import service as legal_service


@strawberry.input
class GiveContractNoticeInput:
    contract_id: strawberry.ID
    on: date | None = strawberry.field(default=None, description="The day notice is given (today when not given).")


@strawberry.type
class GiveContractNoticePayload:
    contract: ContractNode | None
    user_errors: list[UserError]


async def give_contract_notice(input: GiveContractNoticeInput) -> GiveContractNoticePayload:
    try:
        async with in_transaction():
            contract = await legal_service.give_notice(
                contract_id=decode_input_id(input.contract_id, expected_type="Contract", field="contract_id"), on=input.on
            )
    except DomainError as error:
        return GiveContractNoticePayload(contract=None, user_errors=[user_error(error)])
    return GiveContractNoticePayload(contract=ContractNode.from_model(contract), user_errors=[])
