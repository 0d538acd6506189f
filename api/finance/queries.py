"""Finance queries."""

from __future__ import annotations

import strawberry

from api.finance.filters import (
    AccountFilter,
    AccountOrder,
    BankStatementFilter,
    BankStatementOrder,
    InvoiceFilter,
    InvoiceOrder,
    JournalFilter,
    JournalOrder,
    PaymentFilter,
    PaymentOrder,
    SupplierInvoiceFilter,
    SupplierInvoiceOrder,
    VatReturnFilter,
    VatReturnOrder,
)
from api.finance.types import AccountNode, BankStatementNode, InvoiceNode, JournalNode, PaymentNode, SupplierInvoiceNode, VatReturnNode
from api.node_ids import decode_global_id
from api.ordering import apply_order
from api.pagination import Connection, paginate
from api.permissions import Requires
from domain.finance import service as finance_service
from tenants.permissions import Scope

FINANCE_READ = [Requires(Scope.FINANCE_READ)]


@strawberry.type
class FinanceQuery:
    @strawberry.field(permission_classes=FINANCE_READ, description="Customer invoices (newest first unless ordered).")
    async def invoices(
        self,
        filter: InvoiceFilter | None = None,
        order_by: InvoiceOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[InvoiceNode]:
        query = (filter or InvoiceFilter()).apply(finance_service.list_invoices())
        query = apply_order(query, order_by, default=("-created_at", "-id"))
        return await paginate(query, InvoiceNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=FINANCE_READ, description="One invoice by its global id, or null when there is none.")
    async def invoice(self, id: strawberry.ID) -> InvoiceNode | None:
        rows = await finance_service.get_invoices(invoice_ids=[decode_global_id(id, expected_type="Invoice")])
        return InvoiceNode.from_model(rows[0]) if rows else None

    @strawberry.field(permission_classes=FINANCE_READ, description="Payments received (most recent first unless ordered).")
    async def payments(
        self,
        filter: PaymentFilter | None = None,
        order_by: PaymentOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[PaymentNode]:
        query = (filter or PaymentFilter()).apply(finance_service.list_payments())
        query = apply_order(query, order_by, default=("-paid_on", "-created_at", "-id"))
        return await paginate(query, PaymentNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=FINANCE_READ, description="The chart of accounts (by code unless ordered).")
    async def accounts(
        self,
        filter: AccountFilter | None = None,
        order_by: AccountOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[AccountNode]:
        query = (filter or AccountFilter()).apply(finance_service.list_accounts())
        query = apply_order(query, order_by, default=("code", "id"))
        return await paginate(query, AccountNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=FINANCE_READ, description="Ledger journals (newest entry date first unless ordered).")
    async def journals(
        self,
        filter: JournalFilter | None = None,
        order_by: JournalOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[JournalNode]:
        query = (filter or JournalFilter()).apply(finance_service.list_journals())
        query = apply_order(query, order_by, default=("-entry_date", "-created_at", "-id"))
        return await paginate(query, JournalNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=FINANCE_READ, description="One journal by its global id, or null when there is none.")
    async def journal(self, id: strawberry.ID) -> JournalNode | None:
        row = await finance_service.list_journals().filter(id=decode_global_id(id, expected_type="Journal")).first()
        return JournalNode.from_model(row) if row else None

    @strawberry.field(permission_classes=FINANCE_READ, description="Imported bank statements (newest first unless ordered).")
    async def bank_statements(
        self,
        filter: BankStatementFilter | None = None,
        order_by: BankStatementOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[BankStatementNode]:
        query = (filter or BankStatementFilter()).apply(finance_service.list_bank_statements())
        query = apply_order(query, order_by, default=("-statement_date", "-created_at", "-id"))
        return await paginate(query, BankStatementNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=FINANCE_READ, description="VAT returns (latest period first unless ordered).")
    async def vat_returns(
        self,
        filter: VatReturnFilter | None = None,
        order_by: VatReturnOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[VatReturnNode]:
        query = (filter or VatReturnFilter()).apply(finance_service.list_vat_returns())
        query = apply_order(query, order_by, default=("-period_end", "currency", "id"))
        return await paginate(query, VatReturnNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(permission_classes=FINANCE_READ, description="Bills received from suppliers (soonest due first unless ordered).")
    async def supplier_invoices(
        self,
        filter: SupplierInvoiceFilter | None = None,
        order_by: SupplierInvoiceOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[SupplierInvoiceNode]:
        query = (filter or SupplierInvoiceFilter()).apply(finance_service.list_supplier_invoices())
        query = apply_order(query, order_by, default=("due_date", "created_at", "id"))
        return await paginate(query, SupplierInvoiceNode.from_model, first=first, after=after, last=last, before=before)
