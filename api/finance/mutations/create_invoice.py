"""createInvoice"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.finance.mutations.inputs import InvoiceLineInput, invoice_lines
from api.finance.types import InvoiceNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class CreateInvoiceInput:
    customer_id: strawberry.ID
    currency: str
    lines: list[InvoiceLineInput]
    due_date: date | None = None
    sales_order_id: strawberry.ID | None = None


@strawberry.type
class CreateInvoicePayload:
    invoice: InvoiceNode | None
    user_errors: list[UserError]


async def create_invoice(input: CreateInvoiceInput) -> CreateInvoicePayload:
    try:
        async with in_transaction():
            invoice = await finance_service.create_invoice(
                customer_id=decode_input_id(input.customer_id, expected_type="Customer", field="customer_id"),
                currency=input.currency, lines=invoice_lines(input.lines), due_date=input.due_date,
                sales_order_id=(
                    decode_input_id(input.sales_order_id, expected_type="SalesOrder", field="sales_order_id") if input.sales_order_id else None
                ),
            )
    except DomainError as error:
        return CreateInvoicePayload(invoice=None, user_errors=[user_error(error)])
    return CreateInvoicePayload(invoice=InvoiceNode.from_model(invoice), user_errors=[])
