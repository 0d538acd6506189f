"""importBankStatement"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.finance.mutations.inputs import StatementLineInput
from api.finance.types import BankStatementNode
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input(description="A statement whose lines lead from the opening to the closing balance; imported once per account and reference.")
class ImportBankStatementInput:
    bank_account: str
    reference: str
    currency: str
    statement_date: date
    opening_balance: Decimal
    closing_balance: Decimal
    lines: list[StatementLineInput]


@strawberry.type
class ImportBankStatementPayload:
    bank_statement: BankStatementNode | None
    user_errors: list[UserError]


async def import_bank_statement(input: ImportBankStatementInput) -> ImportBankStatementPayload:
    lines = [
        finance_service.StatementLineInput(booked_on=line.booked_on, amount=line.amount, counterparty=line.counterparty, remittance=line.remittance)
        for line in input.lines
    ]
    try:
        async with in_transaction():
            statement = await finance_service.import_bank_statement(
                bank_account=input.bank_account, reference=input.reference, currency=input.currency, statement_date=input.statement_date,
                opening_balance=input.opening_balance, closing_balance=input.closing_balance, lines=lines,
            )
    except DomainError as error:
        return ImportBankStatementPayload(bank_statement=None, user_errors=[user_error(error)])
    return ImportBankStatementPayload(bank_statement=BankStatementNode.from_model(statement), user_errors=[])
