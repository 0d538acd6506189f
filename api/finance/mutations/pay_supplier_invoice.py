"""paySupplierInvoice"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.finance.types import SupplierInvoiceNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class PaySupplierInvoiceInput:
    supplier_invoice_id: strawberry.ID
    paid_on: date


@strawberry.type
class PaySupplierInvoicePayload:
    supplier_invoice: SupplierInvoiceNode | None
    user_errors: list[UserError]


async def pay_supplier_invoice(info: Info, input: PaySupplierInvoiceInput) -> PaySupplierInvoicePayload:
    try:
        async with in_transaction():
            invoice = await finance_service.pay_supplier_invoice(
                supplier_invoice_id=decode_input_id(input.supplier_invoice_id, expected_type="SupplierInvoice", field="supplier_invoice_id"),
                paid_on=input.paid_on, paid_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return PaySupplierInvoicePayload(supplier_invoice=None, user_errors=[user_error(error)])
    return PaySupplierInvoicePayload(supplier_invoice=SupplierInvoiceNode.from_model(invoice), user_errors=[])
