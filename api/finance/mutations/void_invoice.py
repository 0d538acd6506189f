"""voidInvoice"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.finance.types import InvoiceNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class VoidInvoiceInput:
    invoice_id: strawberry.ID
    reason: str
    on: date | None = strawberry.field(default=None, description="The date of the reversal posting (today when not given).")


@strawberry.type
class VoidInvoicePayload:
    invoice: InvoiceNode | None
    user_errors: list[UserError]


async def void_invoice(info: Info, input: VoidInvoiceInput) -> VoidInvoicePayload:
    try:
        async with in_transaction():
            invoice = await finance_service.void_invoice(
                invoice_id=decode_input_id(input.invoice_id, expected_type="Invoice", field="invoice_id"), reason=input.reason,
                on=input.on, voided_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return VoidInvoicePayload(invoice=None, user_errors=[user_error(error)])
    return VoidInvoicePayload(invoice=InvoiceNode.from_model(invoice), user_errors=[])
