"""Finance types in the graph: invoices with their lines and payments, the ledger (accounts, journals,
entries), bank statements and their reconciliation, VAT returns and supplier invoices.

Every amount is `Money` in its document's currency: an invoice line, journal entry or statement line
is priced in its invoice's, journal's or statement's currency.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import strawberry
from strawberry import relay

from api.context import Info
from api.crm import loaders as crm_loaders
from api.crm.types import CustomerNode
from api.finance import loaders
from api.finance.enums import AccountType, InvoiceStatus, JournalStatus, StatementLineStatus, SupplierInvoiceStatus, SystemAccount, VatReturnStatus
from api.loaders import resolve_node_rows
from api.money import Money, exact_decimal
from api.operations.types import PurchaseOrderNode, SupplierNode, load_purchase_order, load_supplier
from api.pagination import Connection, connection_from_list
from api.permissions import cross_area_field
from domain.finance import lookups as finance_lookups
from domain.finance import service as finance_service
from domain.finance.models import Account as AccountModel
from domain.finance.models import BankStatement as BankStatementModel
from domain.finance.models import BankStatementLine as BankStatementLineModel
from domain.finance.models import Invoice as InvoiceModel
from domain.finance.models import InvoiceLine as InvoiceLineModel
from domain.finance.models import Journal as JournalModel
from domain.finance.models import JournalEntry as JournalEntryModel
from domain.finance.models import Payment as PaymentModel
from domain.finance.models import StatementLineStatus as LineStatus
from domain.finance.models import SupplierInvoice as SupplierInvoiceModel
from domain.finance.models import VatReturn as VatReturnModel
from tenants.permissions import Scope


def _uuid(value: Any) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value is not None else None


async def _customer(info: Info, customer_id: uuid.UUID | None) -> CustomerNode | None:
    if customer_id is None:
        return None
    row = await crm_loaders.customer_by_id(info).load(customer_id)
    return CustomerNode.from_model(row) if row else None


async def _journal(info: Info, journal_id: uuid.UUID | None) -> JournalNode | None:
    if journal_id is None:
        return None
    row = await loaders.journal_by_id(info).load(journal_id)
    return JournalNode.from_model(row) if row else None


async def _invoice(info: Info, invoice_id: uuid.UUID | None) -> InvoiceNode | None:
    if invoice_id is None:
        return None
    row = await loaders.invoice_by_id(info).load(invoice_id)
    return InvoiceNode.from_model(row) if row else None


@strawberry.type(name="Invoice", description="A bill to a customer: total = its rounded lines + tax rounded once, in one currency.")
class InvoiceNode(relay.Node):
    read_scope = Scope.FINANCE_READ  # what `node(id:)` asks of the caller

    id: relay.NodeID[str]
    number: str
    status: InvoiceStatus
    currency: str
    issue_date: date | None
    due_date: date | None
    subtotal: Money
    tax_total: Money
    total: Money
    amount_due: Money = strawberry.field(description="What is still owed (zero for drafts, paid and void invoices).")
    voided_at: datetime | None
    void_reason: str | None
    created_at: datetime
    customer_id: strawberry.Private[uuid.UUID]
    journal_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: InvoiceModel) -> InvoiceNode:
        money = lambda amount: Money.of(amount, row.currency)  # noqa: E731 - four amounts, one currency
        return cls(
            id=str(row.id), number=row.number, status=row.status, currency=row.currency, issue_date=row.issue_date,
            due_date=row.due_date, subtotal=money(row.subtotal), tax_total=money(row.tax_total), total=money(row.total),
            amount_due=money(row.amount_due), voided_at=row.voided_at, void_reason=row.void_reason, created_at=row.created_at,
            customer_id=_uuid(row.customer_id), journal_id=_uuid(row.journal_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: finance_service.get_invoices(invoice_ids=ids), node_ids)

    @cross_area_field(Scope.CRM_READ, "Who is billed.")
    async def customer(self, info: Info) -> CustomerNode | None:
        return await _customer(info, self.customer_id)

    @strawberry.field(description="The ledger posting made when the invoice was issued.")
    async def journal(self, info: Info) -> JournalNode | None:
        return await _journal(info, self.journal_id)

    @strawberry.field(description="The billed lines, in order.")
    async def lines(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[InvoiceLineNode]:
        rows = await loaders.lines_by_invoice(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, InvoiceLineNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(description="Money received against this invoice, most recent first.")
    async def payments(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[PaymentNode]:
        rows = await loaders.payments_by_invoice(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, PaymentNode.from_model, first=first, after=after, last=last, before=before)


@strawberry.type(name="InvoiceLine", description="A priced line of an invoice; `netAmount` = quantity x unit price, rounded.")
class InvoiceLineNode(relay.Node):
    read_scope = Scope.FINANCE_READ

    id: relay.NodeID[str]
    position: int
    description: str
    quantity: Decimal
    unit_price: Money
    tax_rate: Decimal = strawberry.field(description="A fraction: 0.2 is 20 percent.")
    net_amount: Money

    @classmethod
    def from_model(cls, row: InvoiceLineModel) -> InvoiceLineNode:
        currency = row.invoice.currency  # the lookups load each line with its invoice
        return cls(
            id=str(row.id), position=row.position, description=row.description, quantity=exact_decimal(row.quantity),
            unit_price=Money.of(row.unit_price, currency), tax_rate=exact_decimal(row.tax_rate), net_amount=Money.of(row.net_amount, currency),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: finance_lookups.lines_of_invoices().filter(id__in=ids), node_ids)


@strawberry.type(name="Payment", description="Money received from a customer against one invoice, in the invoice's currency.")
class PaymentNode(relay.Node):
    read_scope = Scope.FINANCE_READ

    id: relay.NodeID[str]
    amount: Money
    paid_on: date
    reference: str | None
    invoice_id: strawberry.Private[uuid.UUID]
    customer_id: strawberry.Private[uuid.UUID]
    journal_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_model(cls, row: PaymentModel) -> PaymentNode:
        return cls(
            id=str(row.id), amount=Money.of(row.amount, row.currency), paid_on=row.paid_on, reference=row.reference,
            invoice_id=_uuid(row.invoice_id), customer_id=_uuid(row.customer_id), journal_id=_uuid(row.journal_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: finance_service.list_payments().filter(id__in=ids), node_ids)

    @strawberry.field
    async def invoice(self, info: Info) -> InvoiceNode | None:
        return await _invoice(info, self.invoice_id)

    @cross_area_field(Scope.CRM_READ, "Who paid.")
    async def customer(self, info: Info) -> CustomerNode | None:
        return await _customer(info, self.customer_id)

    @strawberry.field(description="The ledger posting: bank against receivable.")
    async def journal(self, info: Info) -> JournalNode | None:
        return await _journal(info, self.journal_id)


@strawberry.type(name="Account", description="An account of the chart of accounts.")
class AccountNode(relay.Node):
    read_scope = Scope.FINANCE_READ

    id: relay.NodeID[str]
    code: str
    name: str
    type: AccountType
    system_role: SystemAccount | None
    active: bool

    @classmethod
    def from_model(cls, row: AccountModel) -> AccountNode:
        return cls(id=str(row.id), code=row.code, name=row.name, type=row.type, system_role=row.system_role, active=row.active)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: finance_service.list_accounts().filter(id__in=ids), node_ids)


@strawberry.type(name="Journal", description="Ledger entries in one currency; posted, it balances and never changes (a reversal corrects it).")
class JournalNode(relay.Node):
    read_scope = Scope.FINANCE_READ

    id: relay.NodeID[str]
    number: str
    entry_date: date
    description: str
    currency: str
    status: JournalStatus
    source: str | None = strawberry.field(description="What posted it, such as `invoice:INV-000001`; null for a manual journal.")
    posted_at: datetime | None
    posted_by: str | None
    reversal_of_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: JournalModel) -> JournalNode:
        return cls(
            id=str(row.id), number=row.number, entry_date=row.entry_date, description=row.description, currency=row.currency,
            status=row.status, source=row.source, posted_at=row.posted_at, posted_by=row.posted_by, reversal_of_id=_uuid(row.reversal_of_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: finance_service.list_journals().filter(id__in=ids), node_ids)

    @strawberry.field(description="The debits and credits, in order.")
    async def entries(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[JournalEntryNode]:
        rows = await loaders.entries_by_journal(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, JournalEntryNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(description="The sum of the debits (equal to the credits once posted).")
    async def total_debit(self, info: Info) -> Money:
        rows = await loaders.entries_by_journal(info).load(uuid.UUID(self.id))
        return Money.of(sum((row.debit for row in rows), Decimal(0)), self.currency)

    @strawberry.field(description="The sum of the credits.")
    async def total_credit(self, info: Info) -> Money:
        rows = await loaders.entries_by_journal(info).load(uuid.UUID(self.id))
        return Money.of(sum((row.credit for row in rows), Decimal(0)), self.currency)

    @strawberry.field(description="The journal this one reverses.")
    async def reversal_of(self, info: Info) -> JournalNode | None:
        return await _journal(info, self.reversal_of_id)

    @strawberry.field(description="The journal that reverses this one, once it is reversed.")
    async def reversed_by(self, info: Info) -> JournalNode | None:
        row = await loaders.reversal_by_journal(info).load(uuid.UUID(self.id))
        return JournalNode.from_model(row) if row else None


@strawberry.type(name="JournalEntry", description="A debit or a credit to one account within a journal.")
class JournalEntryNode(relay.Node):
    read_scope = Scope.FINANCE_READ

    id: relay.NodeID[str]
    position: int
    debit: Money
    credit: Money
    description: str | None
    account_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_model(cls, row: JournalEntryModel) -> JournalEntryNode:
        currency = row.journal.currency  # the lookups load each entry with its journal
        return cls(
            id=str(row.id), position=row.position, debit=Money.of(row.debit, currency), credit=Money.of(row.credit, currency),
            description=row.description, account_id=_uuid(row.account_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: finance_lookups.entries_of_journals().filter(id__in=ids), node_ids)

    @strawberry.field
    async def account(self, info: Info) -> AccountNode | None:
        row = await loaders.account_by_id(info).load(self.account_id)
        return AccountNode.from_model(row) if row else None


@strawberry.type(name="BankStatement", description="A statement of one bank account whose incoming lines are matched to invoice payments.")
class BankStatementNode(relay.Node):
    read_scope = Scope.FINANCE_READ

    id: relay.NodeID[str]
    bank_account: str
    reference: str
    currency: str
    statement_date: date
    opening_balance: Money
    closing_balance: Money

    @classmethod
    def from_model(cls, row: BankStatementModel) -> BankStatementNode:
        return cls(
            id=str(row.id), bank_account=row.bank_account, reference=row.reference, currency=row.currency,
            statement_date=row.statement_date, opening_balance=Money.of(row.opening_balance, row.currency),
            closing_balance=Money.of(row.closing_balance, row.currency),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: finance_service.list_bank_statements().filter(id__in=ids), node_ids)

    @strawberry.field(description="The bookings, in order.")
    async def lines(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None
    ) -> Connection[BankStatementLineNode]:
        rows = await loaders.lines_by_statement(info).load(uuid.UUID(self.id))
        return connection_from_list(rows, BankStatementLineNode.from_model, first=first, after=after, last=last, before=before)

    @strawberry.field(description="How many lines are matched to a payment.")
    async def matched_line_count(self, info: Info) -> int:
        rows = await loaders.lines_by_statement(info).load(uuid.UUID(self.id))
        return sum(1 for row in rows if row.status is LineStatus.MATCHED)

    @strawberry.field(description="How many lines still wait for a match.")
    async def unmatched_line_count(self, info: Info) -> int:
        rows = await loaders.lines_by_statement(info).load(uuid.UUID(self.id))
        return sum(1 for row in rows if row.status is not LineStatus.MATCHED)


@strawberry.type(name="BankStatementLine", description="One booking on a bank statement: positive money in, negative money out.")
class BankStatementLineNode(relay.Node):
    read_scope = Scope.FINANCE_READ

    id: relay.NodeID[str]
    position: int
    booked_on: date
    amount: Money
    counterparty: str | None
    remittance: str | None
    status: StatementLineStatus
    payment_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: BankStatementLineModel) -> BankStatementLineNode:
        return cls(
            id=str(row.id), position=row.position, booked_on=row.booked_on, amount=Money.of(row.amount, row.statement.currency),
            counterparty=row.counterparty, remittance=row.remittance, status=row.status, payment_id=_uuid(row.payment_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: finance_lookups.lines_of_statements().filter(id__in=ids), node_ids)

    @strawberry.field(description="The invoice payment this line was matched to.")
    async def payment(self, info: Info) -> PaymentNode | None:
        if self.payment_id is None:
            return None
        row = await loaders.payment_by_id(info).load(self.payment_id)
        return PaymentNode.from_model(row) if row else None


@strawberry.type(name="VatReturn", description="VAT owed for a period in one currency, computed from the ledger and frozen when filed.")
class VatReturnNode(relay.Node):
    read_scope = Scope.FINANCE_READ

    id: relay.NodeID[str]
    period_start: date
    period_end: date
    output_vat: Money = strawberry.field(description="Charged to customers.")
    input_vat: Money = strawberry.field(description="Paid to suppliers.")
    net_vat: Money = strawberry.field(description="Owed to the tax authority; negative when reclaimable.")
    status: VatReturnStatus
    filed_at: datetime | None
    filing_reference: str | None

    @classmethod
    def from_model(cls, row: VatReturnModel) -> VatReturnNode:
        return cls(
            id=str(row.id), period_start=row.period_start, period_end=row.period_end, output_vat=Money.of(row.output_vat, row.currency),
            input_vat=Money.of(row.input_vat, row.currency), net_vat=Money.of(row.net_vat, row.currency), status=row.status,
            filed_at=row.filed_at, filing_reference=row.filing_reference,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: finance_service.list_vat_returns().filter(id__in=ids), node_ids)


@strawberry.type(name="SupplierInvoice", description="A bill received from a supplier, booked as expense and input VAT against a payable.")
class SupplierInvoiceNode(relay.Node):
    read_scope = Scope.FINANCE_READ

    id: relay.NodeID[str]
    supplier_reference: str
    issue_date: date
    due_date: date
    net_amount: Money
    tax_amount: Money
    total: Money
    status: SupplierInvoiceStatus
    supplier_id: strawberry.Private[uuid.UUID]
    purchase_order_id: strawberry.Private[uuid.UUID | None]
    journal_id: strawberry.Private[uuid.UUID]
    payment_journal_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_model(cls, row: SupplierInvoiceModel) -> SupplierInvoiceNode:
        return cls(
            id=str(row.id), supplier_reference=row.supplier_reference, issue_date=row.issue_date, due_date=row.due_date,
            net_amount=Money.of(row.net_amount, row.currency), tax_amount=Money.of(row.tax_amount, row.currency),
            total=Money.of(row.total, row.currency), status=row.status, supplier_id=_uuid(row.supplier_id),
            purchase_order_id=_uuid(row.purchase_order_id), journal_id=_uuid(row.journal_id), payment_journal_id=_uuid(row.payment_journal_id),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        return await resolve_node_rows(cls, lambda ids: finance_service.list_supplier_invoices().filter(id__in=ids), node_ids)

    @cross_area_field(Scope.OPERATIONS_READ, "Who sent the bill.")
    async def supplier(self, info: Info) -> SupplierNode | None:
        return await load_supplier(info, self.supplier_id)

    @cross_area_field(Scope.OPERATIONS_READ, "The purchase order billed, if any.")
    async def purchase_order(self, info: Info) -> PurchaseOrderNode | None:
        return await load_purchase_order(info, self.purchase_order_id)

    @strawberry.field(description="The ledger posting made when the bill was booked.")
    async def journal(self, info: Info) -> JournalNode | None:
        return await _journal(info, self.journal_id)

    @strawberry.field(description="The ledger posting of the payment, once paid.")
    async def payment_journal(self, info: Info) -> JournalNode | None:
        return await _journal(info, self.payment_journal_id)
