"""terminateContract"""

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
class TerminateContractInput:
    contract_id: strawberry.ID
    on: date | None = strawberry.field(default=None, description="The last day of the contract (today when not given).")


@strawberry.type
class TerminateContractPayload:
    contract: ContractNode | None
    user_errors: list[UserError]


async def terminate_contract(input: TerminateContractInput) -> TerminateContractPayload:
    try:
        async with in_transaction():
            contract = await legal_service.terminate_contract(
                contract_id=decode_input_id(input.contract_id, expected_type="Contract", field="contract_id"), on=input.on
            )
    except DomainError as error:
        return TerminateContractPayload(contract=None, user_errors=[user_error(error)])
    return TerminateContractPayload(contract=ContractNode.from_model(contract), user_errors=[])
