"""Finance mutations, one per module.

Paying a supplier is the one outgoing payment the domain knows, and it needs `finance:approve` on top
of `finance:write`: whoever books bills is not, by that alone, allowed to send money out. (The domain has
no separate approval step yet; the payment itself is the act that is approved.)
"""

import strawberry

from api.finance.mutations.add_invoice_lines import AddInvoiceLinesPayload, add_invoice_lines
from api.finance.mutations.add_journal_entries import AddJournalEntriesPayload, add_journal_entries
from api.finance.mutations.create_account import CreateAccountPayload, create_account
from api.finance.mutations.create_invoice import CreateInvoicePayload, create_invoice
from api.finance.mutations.create_invoice_from_sales_order import CreateInvoiceFromSalesOrderPayload, create_invoice_from_sales_order
from api.finance.mutations.create_journal import CreateJournalPayload, create_journal
from api.finance.mutations.delete_journal_entry import DeleteJournalEntryPayload, delete_journal_entry
from api.finance.mutations.file_vat_return import FileVatReturnPayload, file_vat_return
from api.finance.mutations.import_bank_statement import ImportBankStatementPayload, import_bank_statement
from api.finance.mutations.issue_invoice import IssueInvoicePayload, issue_invoice
from api.finance.mutations.match_statement_line import MatchStatementLinePayload, match_statement_line
from api.finance.mutations.pay_supplier_invoice import PaySupplierInvoicePayload, pay_supplier_invoice
from api.finance.mutations.post_journal import PostJournalPayload, post_journal
from api.finance.mutations.prepare_vat_return import PrepareVatReturnPayload, prepare_vat_return
from api.finance.mutations.reconcile_bank_statement import ReconcileBankStatementPayload, reconcile_bank_statement
from api.finance.mutations.record_payment import RecordPaymentPayload, record_payment
from api.finance.mutations.record_supplier_invoice import RecordSupplierInvoicePayload, record_supplier_invoice
from api.finance.mutations.reverse_journal import ReverseJournalPayload, reverse_journal
from api.finance.mutations.update_journal import UpdateJournalPayload, update_journal
from api.finance.mutations.void_invoice import VoidInvoicePayload, void_invoice
from api.permissions import Requires
from tenants.permissions import Scope

FINANCE_WRITE = [Requires(Scope.FINANCE_WRITE)]
FINANCE_APPROVE = [Requires(Scope.FINANCE_WRITE, Scope.FINANCE_APPROVE)]


@strawberry.type
class FinanceMutation:
    create_invoice: CreateInvoicePayload = strawberry.mutation(
        resolver=create_invoice, permission_classes=FINANCE_WRITE, description="Draft an invoice with its lines."
    )
    create_invoice_from_sales_order: CreateInvoiceFromSalesOrderPayload = strawberry.mutation(
        resolver=create_invoice_from_sales_order, permission_classes=FINANCE_WRITE, description="Draft an invoice with a sales order's lines."
    )
    add_invoice_lines: AddInvoiceLinesPayload = strawberry.mutation(
        resolver=add_invoice_lines, permission_classes=FINANCE_WRITE, description="Append lines to a draft invoice."
    )
    issue_invoice: IssueInvoicePayload = strawberry.mutation(
        resolver=issue_invoice, permission_classes=FINANCE_WRITE, description="Issue a draft invoice into the ledger."
    )
    void_invoice: VoidInvoicePayload = strawberry.mutation(
        resolver=void_invoice, permission_classes=FINANCE_WRITE, description="Void an invoice without payments; its posting is reversed."
    )
    record_payment: RecordPaymentPayload = strawberry.mutation(
        resolver=record_payment, permission_classes=FINANCE_WRITE,
        description="Apply money received to an issued invoice, in its currency and up to the amount due.",
    )
    create_account: CreateAccountPayload = strawberry.mutation(
        resolver=create_account, permission_classes=FINANCE_WRITE, description="Add an account to the chart of accounts."
    )
    create_journal: CreateJournalPayload = strawberry.mutation(
        resolver=create_journal, permission_classes=FINANCE_WRITE, description="Start a draft journal, optionally with entries."
    )
    add_journal_entries: AddJournalEntriesPayload = strawberry.mutation(
        resolver=add_journal_entries, permission_classes=FINANCE_WRITE, description="Append entries to a draft journal."
    )
    update_journal: UpdateJournalPayload = strawberry.mutation(
        resolver=update_journal, permission_classes=FINANCE_WRITE, description="Change a draft journal's description or date."
    )
    delete_journal_entry: DeleteJournalEntryPayload = strawberry.mutation(
        resolver=delete_journal_entry, permission_classes=FINANCE_WRITE, description="Remove an entry from a draft journal."
    )
    post_journal: PostJournalPayload = strawberry.mutation(
        resolver=post_journal, permission_classes=FINANCE_WRITE,
        description="Post a draft journal: refused unless its debits equal its credits; posted, it never changes.",
    )
    reverse_journal: ReverseJournalPayload = strawberry.mutation(
        resolver=reverse_journal, permission_classes=FINANCE_WRITE, description="Post the mirror image of a posted journal, at most once."
    )
    import_bank_statement: ImportBankStatementPayload = strawberry.mutation(
        resolver=import_bank_statement, permission_classes=FINANCE_WRITE, description="Import a bank statement with its lines."
    )
    match_statement_line: MatchStatementLinePayload = strawberry.mutation(
        resolver=match_statement_line, permission_classes=FINANCE_WRITE, description="Record an incoming statement line as a payment of an invoice."
    )
    reconcile_bank_statement: ReconcileBankStatementPayload = strawberry.mutation(
        resolver=reconcile_bank_statement, permission_classes=FINANCE_WRITE,
        description="Match every unmatched incoming line whose remittance names exactly one open invoice it can pay.",
    )
    prepare_vat_return: PrepareVatReturnPayload = strawberry.mutation(
        resolver=prepare_vat_return, permission_classes=FINANCE_WRITE, description="Compute a period's VAT from the ledger into a draft return."
    )
    file_vat_return: FileVatReturnPayload = strawberry.mutation(
        resolver=file_vat_return, permission_classes=FINANCE_WRITE, description="Mark a draft return filed; it never changes afterwards."
    )
    record_supplier_invoice: RecordSupplierInvoicePayload = strawberry.mutation(
        resolver=record_supplier_invoice, permission_classes=FINANCE_WRITE, description="Book a supplier's bill into the ledger."
    )
    pay_supplier_invoice: PaySupplierInvoicePayload = strawberry.mutation(
        resolver=pay_supplier_invoice, permission_classes=FINANCE_APPROVE,
        description="Pay a supplier invoice in full: an outgoing payment, so it needs finance:approve.",
    )
