"""createContract"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.legal.enums import PartyKind
from api.legal.types import ContractNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.legal import service as legal_service


@strawberry.input(description="A customer, supplier or employee party names its id; any other party only its name.")
class ContractPartyInput:
    kind: PartyKind
    customer_id: strawberry.ID | None = None
    supplier_id: strawberry.ID | None = None
    employee_id: strawberry.ID | None = None
    name: str | None = None
    role: str | None = None


@strawberry.input
class CreateContractInput:
    title: str
    value: Decimal
    currency: str
    start_date: date
    term_months: int
    parties: list[ContractPartyInput]
    notice_period_days: int = 0
    auto_renew: bool = True
    owner_id: strawberry.ID | None = None
    number: str | None = strawberry.field(default=None, description="Numbered C-000001, C-000002, … when not given.")


@strawberry.type
class CreateContractPayload:
    contract: ContractNode | None
    user_errors: list[UserError]


def _party(party: ContractPartyInput, index: int) -> legal_service.PartyInput:
    def decoded(value: str | None, type_name: str, name: str):
        return decode_input_id(value, expected_type=type_name, field=f"parties.{index}.{name}") if value else None

    return legal_service.PartyInput(
        kind=party.kind, customer_id=decoded(party.customer_id, "Customer", "customer_id"),
        supplier_id=decoded(party.supplier_id, "Supplier", "supplier_id"), employee_id=decoded(party.employee_id, "Employee", "employee_id"),
        name=party.name, role=party.role,
    )


async def create_contract(input: CreateContractInput) -> CreateContractPayload:
    try:
        async with in_transaction():
            contract = await legal_service.create_contract(
                title=input.title, value=input.value, currency=input.currency, start_date=input.start_date, term_months=input.term_months,
                parties=[_party(party, index) for index, party in enumerate(input.parties)], notice_period_days=input.notice_period_days,
                auto_renew=input.auto_renew, number=input.number,
                owner_id=decode_input_id(input.owner_id, expected_type="Employee", field="owner_id") if input.owner_id else None,
            )
    except DomainError as error:
        return CreateContractPayload(contract=None, user_errors=[user_error(error)])
    return CreateContractPayload(contract=ContractNode.from_model(contract), user_errors=[])
