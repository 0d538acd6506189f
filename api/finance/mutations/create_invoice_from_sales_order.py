"""createInvoiceFromSalesOrder"""

from __future__ import annotations

from decimal import Decimal

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.finance.types import InvoiceNode
from api.node_ids import decode_input_id
from domain.errors import DomainError
from domain.finance import service as finance_service


@strawberry.input
class CreateInvoiceFromSalesOrderInput:
    sales_order_id: strawberry.ID
    tax_rate: Decimal = strawberry.field(default=Decimal(0), description="Applied to every line: a fraction, 0.2 is 20 percent.")


@strawberry.type
class CreateInvoiceFromSalesOrderPayload:
    invoice: InvoiceNode | None
    user_errors: list[UserError]


async def create_invoice_from_sales_order(input: CreateInvoiceFromSalesOrderInput) -> CreateInvoiceFromSalesOrderPayload:
    try:
        async with in_transaction():
            invoice = await finance_service.create_invoice_from_sales_order(
                sales_order_id=decode_input_id(input.sales_order_id, expected_type="SalesOrder", field="sales_order_id"), tax_rate=input.tax_rate
            )
    except DomainError as error:
        return CreateInvoiceFromSalesOrderPayload(invoice=None, user_errors=[user_error(error)])
    return CreateInvoiceFromSalesOrderPayload(invoice=InvoiceNode.from_model(invoice), user_errors=[])
