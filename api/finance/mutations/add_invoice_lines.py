"""addInvoiceLines"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.finance.mutations.inputs import InvoiceLineInput, invoice_lines
from api.finance.types import InvoiceNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class AddInvoiceLinesInput:
    invoice_id: strawberry.ID
    lines: list[InvoiceLineInput]


@strawberry.type
class AddInvoiceLinesPayload:
    invoice: InvoiceNode | None
    user_errors: list[UserError]


async def add_invoice_lines(input: AddInvoiceLinesInput) -> AddInvoiceLinesPayload:
    try:
        async with in_transaction():
            invoice = await finance_service.add_invoice_lines(
                invoice_id=decode_input_id(input.invoice_id, expected_type="Invoice", field="invoice_id"), lines=invoice_lines(input.lines)
            )
    except DomainError as error:
        return AddInvoiceLinesPayload(invoice=None, user_errors=[user_error(error)])
    return AddInvoiceLinesPayload(invoice=InvoiceNode.from_model(invoice), user_errors=[])
