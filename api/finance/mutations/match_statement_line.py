"""matchStatementLine"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.finance.types import PaymentNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class MatchStatementLineInput:
    statement_line_id: strawberry.ID
    invoice_id: strawberry.ID


@strawberry.type
class MatchStatementLinePayload:
    payment: PaymentNode | None = strawberry.field(description="The payment the line became.")
    user_errors: list[UserError]


async def match_statement_line(info: Info, input: MatchStatementLineInput) -> MatchStatementLinePayload:
    try:
        async with in_transaction():
            payment = await finance_service.match_statement_line(
                statement_line_id=decode_input_id(input.statement_line_id, expected_type="BankStatementLine", field="statement_line_id"),
                invoice_id=decode_input_id(input.invoice_id, expected_type="Invoice", field="invoice_id"),
                matched_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return MatchStatementLinePayload(payment=None, user_errors=[user_error(error)])
    return MatchStatementLinePayload(payment=PaymentNode.from_model(payment), user_errors=[])
