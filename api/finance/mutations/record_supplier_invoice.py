"""recordSupplierInvoice"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.context import Info
from api.errors import UserError, user_error
from api.finance.types import SupplierInvoiceNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class RecordSupplierInvoiceInput:
    supplier_id: strawberry.ID
    supplier_reference: str = strawberry.field(description="The supplier's own invoice number; booked once per supplier.")
    currency: str
    net_amount: Decimal
    tax_amount: Decimal
    issue_date: date
    due_date: date
    purchase_order_id: strawberry.ID | None = None


@strawberry.type
class RecordSupplierInvoicePayload:
    supplier_invoice: SupplierInvoiceNode | None
    user_errors: list[UserError]


async def record_supplier_invoice(info: Info, input: RecordSupplierInvoiceInput) -> RecordSupplierInvoicePayload:
    try:
        async with in_transaction():
            invoice = await finance_service.record_supplier_invoice(
                supplier_id=decode_input_id(input.supplier_id, expected_type="Supplier", field="supplier_id"),
                supplier_reference=input.supplier_reference, currency=input.currency, net_amount=input.net_amount,
                tax_amount=input.tax_amount, issue_date=input.issue_date, due_date=input.due_date,
                purchase_order_id=(
                    decode_input_id(input.purchase_order_id, expected_type="PurchaseOrder", field="purchase_order_id")
                    if input.purchase_order_id else None
                ),
                recorded_by=info.context.require_principal().subject,
            )
    except DomainError as error:
        return RecordSupplierInvoicePayload(supplier_invoice=None, user_errors=[user_error(error)])
    return RecordSupplierInvoicePayload(supplier_invoice=SupplierInvoiceNode.from_model(invoice), user_errors=[])
