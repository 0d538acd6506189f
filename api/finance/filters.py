"""Finance filter and order inputs."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from api.finance.enums import AccountType, InvoiceStatus, JournalStatus, SupplierInvoiceStatus, VatReturnStatus
from api.node_ids import decode_global_id
from api.ordering import OrderDirection


@strawberry.input(description="Narrow the invoices; every given field must match.")
class InvoiceFilter:
    customer_id: strawberry.ID | None = None
    status: InvoiceStatus | None = None
    currency: str | None = None
    number: str | None = None
    issued_after: date | None = None
    issued_before: date | None = None
    due_before: date | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.customer_id:
            query = query.filter(customer_id=decode_global_id(self.customer_id, expected_type="Customer"))
        if self.status:
            query = query.filter(status=self.status)
        if self.currency:
            query = query.filter(currency=self.currency.strip().upper())
        if self.number:
            query = query.filter(number=self.number)
        if self.issued_after:
            query = query.filter(issue_date__gte=self.issued_after)
        if self.issued_before:
            query = query.filter(issue_date__lt=self.issued_before)
        if self.due_before:
            query = query.filter(due_date__lt=self.due_before)
        return query


@strawberry.enum
class InvoiceOrderField(Enum):
    CREATED_AT = "created_at"
    NUMBER = "number"
    ISSUE_DATE = "issue_date"
    DUE_DATE = "due_date"
    TOTAL = "total"


@strawberry.input
class InvoiceOrder:
    field: InvoiceOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the payments; every given field must match.")
class PaymentFilter:
    invoice_id: strawberry.ID | None = None
    customer_id: strawberry.ID | None = None
    paid_after: date | None = None
    paid_before: date | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.invoice_id:
            query = query.filter(invoice_id=decode_global_id(self.invoice_id, expected_type="Invoice"))
        if self.customer_id:
            query = query.filter(customer_id=decode_global_id(self.customer_id, expected_type="Customer"))
        if self.paid_after:
            query = query.filter(paid_on__gte=self.paid_after)
        if self.paid_before:
            query = query.filter(paid_on__lt=self.paid_before)
        return query


@strawberry.enum
class PaymentOrderField(Enum):
    PAID_ON = "paid_on"
    AMOUNT = "amount"


@strawberry.input
class PaymentOrder:
    field: PaymentOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the chart of accounts; every given field must match.")
class AccountFilter:
    type: AccountType | None = None
    active: bool | None = None
    search: str | None = strawberry.field(default=None, description="Part of the code or the name.")

    def apply(self, query: QuerySet) -> QuerySet:
        if self.type:
            query = query.filter(type=self.type)
        if self.active is not None:
            query = query.filter(active=self.active)
        if self.search:
            query = query.filter(Q(code__icontains=self.search) | Q(name__icontains=self.search))
        return query


@strawberry.enum
class AccountOrderField(Enum):
    CODE = "code"
    NAME = "name"


@strawberry.input
class AccountOrder:
    field: AccountOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the journals; every given field must match.")
class JournalFilter:
    status: JournalStatus | None = None
    currency: str | None = None
    entry_after: date | None = None
    entry_before: date | None = None
    source: str | None = strawberry.field(default=None, description="What posted it, such as `invoice:INV-000001`.")

    def apply(self, query: QuerySet) -> QuerySet:
        if self.status:
            query = query.filter(status=self.status)
        if self.currency:
            query = query.filter(currency=self.currency.strip().upper())
        if self.entry_after:
            query = query.filter(entry_date__gte=self.entry_after)
        if self.entry_before:
            query = query.filter(entry_date__lt=self.entry_before)
        if self.source:
            query = query.filter(source=self.source)
        return query


@strawberry.enum
class JournalOrderField(Enum):
    ENTRY_DATE = "entry_date"
    NUMBER = "number"


@strawberry.input
class JournalOrder:
    field: JournalOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the bank statements; every given field must match.")
class BankStatementFilter:
    bank_account: str | None = None
    statement_after: date | None = None
    statement_before: date | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.bank_account:
            query = query.filter(bank_account=self.bank_account)
        if self.statement_after:
            query = query.filter(statement_date__gte=self.statement_after)
        if self.statement_before:
            query = query.filter(statement_date__lt=self.statement_before)
        return query


@strawberry.enum
class BankStatementOrderField(Enum):
    STATEMENT_DATE = "statement_date"
    REFERENCE = "reference"


@strawberry.input
class BankStatementOrder:
    field: BankStatementOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the VAT returns; every given field must match.")
class VatReturnFilter:
    status: VatReturnStatus | None = None
    currency: str | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.status:
            query = query.filter(status=self.status)
        if self.currency:
            query = query.filter(currency=self.currency.strip().upper())
        return query


@strawberry.enum
class VatReturnOrderField(Enum):
    PERIOD_END = "period_end"


@strawberry.input
class VatReturnOrder:
    field: VatReturnOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the supplier invoices; every given field must match.")
class SupplierInvoiceFilter:
    supplier_id: strawberry.ID | None = None
    status: SupplierInvoiceStatus | None = None
    due_before: date | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.supplier_id:
            query = query.filter(supplier_id=decode_global_id(self.supplier_id, expected_type="Supplier"))
        if self.status:
            query = query.filter(status=self.status)
        if self.due_before:
            query = query.filter(due_date__lt=self.due_before)
        return query


@strawberry.enum
class SupplierInvoiceOrderField(Enum):
    DUE_DATE = "due_date"
    ISSUE_DATE = "issue_date"
    TOTAL = "total"


@strawberry.input
class SupplierInvoiceOrder:
    field: SupplierInvoiceOrderField
    direction: OrderDirection = OrderDirection.ASC
