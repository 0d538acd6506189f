"""prepareVatReturn"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.finance.types import VatReturnNode
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input(description="The period is inclusive; preparing it again recomputes a draft, a filed return is refused.")
class PrepareVatReturnInput:
    period_start: date
    period_end: date
    currency: str


@strawberry.type
class PrepareVatReturnPayload:
    vat_return: VatReturnNode | None
    user_errors: list[UserError]


async def prepare_vat_return(input: PrepareVatReturnInput) -> PrepareVatReturnPayload:
    try:
        async with in_transaction():
            vat_return = await finance_service.prepare_vat_return(
                period_start=input.period_start, period_end=input.period_end, currency=input.currency
            )
    except DomainError as error:
        return PrepareVatReturnPayload(vat_return=None, user_errors=[user_error(error)])
    return PrepareVatReturnPayload(vat_return=VatReturnNode.from_model(vat_return), user_errors=[])
