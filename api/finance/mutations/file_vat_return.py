"""fileVatReturn"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.finance.types import VatReturnNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class FileVatReturnInput:
    vat_return_id: strawberry.ID
    filing_reference: str = strawberry.field(description="The tax authority's receipt for the filing.")


@strawberry.type
class FileVatReturnPayload:
    vat_return: VatReturnNode | None
    user_errors: list[UserError]


async def file_vat_return(input: FileVatReturnInput) -> FileVatReturnPayload:
    try:
        async with in_transaction():
            vat_return = await finance_service.file_vat_return(
                vat_return_id=decode_input_id(input.vat_return_id, expected_type="VatReturn", field="vat_return_id"),
                filing_reference=input.filing_reference,
            )
    except DomainError as error:
        return FileVatReturnPayload(vat_return=None, user_errors=[user_error(error)])
    return FileVatReturnPayload(vat_return=VatReturnNode.from_model(vat_return), user_errors=[])
