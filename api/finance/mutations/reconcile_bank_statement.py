"""reconcileBankStatement"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.finance.types import BankStatementNode, PaymentNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class ReconcileBankStatementInput:
    bank_statement_id: strawberry.ID


@strawberry.type
class ReconcileBankStatementPayload:
    bank_statement: BankStatementNode | None
    payments: list[PaymentNode] = strawberry.field(description="The payments made from lines that named exactly one open invoice.")
    user_errors: list[UserError]


async def reconcile_bank_statement(info: Info, input: ReconcileBankStatementInput) -> ReconcileBankStatementPayload:
    try:
        async with in_transaction():
            statement_id = decode_input_id(input.bank_statement_id, expected_type="BankStatement", field="bank_statement_id")
            payments = await finance_service.reconcile_bank_statement(
                bank_statement_id=statement_id, matched_by=info.context.require_principal().subject
            )
            statement = await finance_service.get_bank_statement_or_raise(bank_statement_id=statement_id)
    except DomainError as error:
        return ReconcileBankStatementPayload(bank_statement=None, payments=[], user_errors=[user_error(error)])
    return ReconcileBankStatementPayload(
        bank_statement=BankStatementNode.from_model(statement), payments=[PaymentNode.from_model(payment) for payment in payments], user_errors=[]
    )
