"""recordPayment"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.finance.types import InvoiceNode, PaymentNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class RecordPaymentInput:
    invoice_id: strawberry.ID
    amount: Decimal
    currency: str = strawberry.field(description="Must be the invoice's currency.")
    paid_on: date | None = None
    reference: str | None = None


@strawberry.type
class RecordPaymentPayload:
    payment: PaymentNode | None
    invoice: InvoiceNode | None
    user_errors: list[UserError]


async def record_payment(info: Info, input: RecordPaymentInput) -> RecordPaymentPayload:
    try:
        async with in_transaction():
            invoice_id = decode_input_id(input.invoice_id, expected_type="Invoice", field="invoice_id")
            payment = await finance_service.record_payment(
                invoice_id=invoice_id, amount=input.amount, currency=input.currency, paid_on=input.paid_on, reference=input.reference,
                recorded_by=info.context.require_principal().subject,
            )
            invoice = await finance_service.get_invoice_or_raise(invoice_id=invoice_id)
    except DomainError as error:
        return RecordPaymentPayload(payment=None, invoice=None, user_errors=[user_error(error)])
    return RecordPaymentPayload(payment=PaymentNode.from_model(payment), invoice=InvoiceNode.from_model(invoice), user_errors=[])
