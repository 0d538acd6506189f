"""issueInvoice"""

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
class IssueInvoiceInput:
    invoice_id: strawberry.ID
    issue_date: date | None = strawberry.field(default=None, description="Today when not given.")
    due_date: date | None = strawberry.field(default=None, description="The draft's due date, or 30 days after issue, when not given.")


@strawberry.type
class IssueInvoicePayload:
    invoice: InvoiceNode | None
    user_errors: list[UserError]


async def issue_invoice(info: Info, input: IssueInvoiceInput) -> IssueInvoicePayload:
    try:
        async with in_transaction():
            invoice = await finance_service.issue_invoice(
                invoice_id=decode_input_id(input.invoice_id, expected_type="Invoice", field="invoice_id"), issue_date=input.issue_date,
                due_date=input.due_date, issued_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return IssueInvoicePayload(invoice=None, user_errors=[user_error(error)])
    return IssueInvoicePayload(invoice=InvoiceNode.from_model(invoice), user_errors=[])
