"""Finance: what customers owe and pay, what suppliers bill, and the double-entry ledger behind both."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from tenants.ownership import TenantOwnedModel


class AccountType(StrEnum):
    ASSET = "asset"
    LIABILITY = "liability"
    EQUITY = "equity"
    INCOME = "income"
    EXPENSE = "expense"


class SystemAccount(StrEnum):
    """The accounts the services post to on their own."""

    ACCOUNTS_RECEIVABLE = "accounts_receivable"
    BANK = "bank"
    VAT_INPUT = "vat_input"
    ACCOUNTS_PAYABLE = "accounts_payable"
    VAT_OUTPUT = "vat_output"
    REVENUE = "revenue"
    EXPENSE = "expense"


class JournalStatus(StrEnum):
    DRAFT = "draft"
    POSTED = "posted"


class InvoiceStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    PAID = "paid"
    VOID = "void"


class SupplierInvoiceStatus(StrEnum):
    RECEIVED = "received"
    PAID = "paid"


class StatementLineStatus(StrEnum):
    UNMATCHED = "unmatched"
    MATCHED = "matched"


class VatReturnStatus(StrEnum):
    DRAFT = "draft"
    FILED = "filed"


def amount_field(**kwargs: object) -> fields.DecimalField:
    """Amounts and quantities: Decimal with 4 places, never float."""
    return fields.DecimalField(max_digits=18, decimal_places=4, **kwargs)


class Account(TenantOwnedModel):
    """An account of the tenant's chart of accounts."""

    code = fields.CharField(max_length=20)
    name = fields.CharField(max_length=120)
    type = fields.CharEnumField(AccountType, max_length=16)
    system_role = fields.CharEnumField(SystemAccount, max_length=32, null=True)
    active = fields.BooleanField(default=True)

    class Meta:
        table = "finance_accounts"
        unique_together = (("tenant_id", "code"), ("tenant_id", "system_role"))


class Journal(TenantOwnedModel):
    """A set of ledger entries in one currency. Once posted it balances and never changes, a
    correction is a reversal journal."""

    number = fields.CharField(max_length=32)
    entry_date = fields.DateField()
    description = fields.CharField(max_length=200)
    currency = fields.CharField(max_length=3)
    status = fields.CharEnumField(JournalStatus, max_length=16, default=JournalStatus.DRAFT)
    source = fields.CharField(max_length=80, null=True)
    posted_at = fields.DatetimeField(null=True)
    posted_by = fields.CharField(max_length=80, null=True)
    reversal_of: fields.ForeignKeyNullableRelation[Journal] = fields.ForeignKeyField(
        "concord.Journal", related_name="reversals", null=True, on_delete=fields.NO_ACTION
    )
    reversal_of_id: object

    class Meta:
        table = "finance_journals"
        unique_together = (("tenant_id", "number"), ("tenant_id", "reversal_of_id"))
        indexes = (("tenant_id", "status", "entry_date"),)


class JournalEntry(TenantOwnedModel):
    """A debit or a credit to one account within a journal."""

    journal: fields.ForeignKeyRelation[Journal] = fields.ForeignKeyField(
        "concord.Journal", related_name="entries", on_delete=fields.CASCADE
    )
    journal_id: object
    position = fields.IntField()
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "concord.Account", related_name="entries", on_delete=fields.NO_ACTION
    )
    account_id: object
    debit = amount_field(default=0)
    credit = amount_field(default=0)
    description = fields.CharField(max_length=200, null=True)

    class Meta:
        table = "finance_journal_entries"
        unique_together = (("tenant_id", "journal_id", "position"),)
        indexes = (("tenant_id", "account_id"),)


class Invoice(TenantOwnedModel):
    """A bill to a customer: total = sum of line amounts + tax, rounded per currency."""

    number = fields.CharField(max_length=32)
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "concord.Customer", related_name="invoices", on_delete=fields.NO_ACTION
    )
    customer_id: object
    sales_order: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.SalesOrder", related_name="invoices", null=True, on_delete=fields.NO_ACTION
    )
    sales_order_id: object
    currency = fields.CharField(max_length=3)
    status = fields.CharEnumField(InvoiceStatus, max_length=16, default=InvoiceStatus.DRAFT)
    issue_date = fields.DateField(null=True)
    due_date = fields.DateField(null=True)
    subtotal = amount_field(default=0)
    tax_total = amount_field(default=0)
    total = amount_field(default=0)
    amount_due = amount_field(default=0)
    journal: fields.ForeignKeyNullableRelation[Journal] = fields.ForeignKeyField(
        "concord.Journal", related_name="invoices", null=True, on_delete=fields.NO_ACTION
    )
    journal_id: object
    voided_at = fields.DatetimeField(null=True)
    void_reason = fields.CharField(max_length=200, null=True)

    class Meta:
        table = "finance_invoices"
        unique_together = (("tenant_id", "number"),)
        indexes = (("tenant_id", "customer_id", "status"), ("tenant_id", "status", "due_date"))


class InvoiceLine(TenantOwnedModel):
    """A priced line of an invoice, with its VAT rate as a fraction (0.2 is 20 percent)."""

    invoice: fields.ForeignKeyRelation[Invoice] = fields.ForeignKeyField(
        "concord.Invoice", related_name="lines", on_delete=fields.CASCADE
    )
    invoice_id: object
    position = fields.IntField()
    description = fields.CharField(max_length=200)
    quantity = amount_field()
    unit_price = amount_field()
    tax_rate = fields.DecimalField(max_digits=5, decimal_places=4, default=0)
    net_amount = amount_field()

    class Meta:
        table = "finance_invoice_lines"
        unique_together = (("tenant_id", "invoice_id", "position"),)


class BankStatement(TenantOwnedModel):
    """A statement of one bank account, imported once, whose lines are matched to payments."""

    bank_account = fields.CharField(max_length=64)
    reference = fields.CharField(max_length=64)
    currency = fields.CharField(max_length=3)
    statement_date = fields.DateField()
    opening_balance = amount_field()
    closing_balance = amount_field()

    class Meta:
        table = "finance_bank_statements"
        unique_together = (("tenant_id", "bank_account", "reference"),)
        indexes = (("tenant_id", "statement_date"),)


class Payment(TenantOwnedModel):
    """Money received from a customer against one invoice, in the invoice's currency."""

    invoice: fields.ForeignKeyRelation[Invoice] = fields.ForeignKeyField(
        "concord.Invoice", related_name="payments", on_delete=fields.NO_ACTION
    )
    invoice_id: object
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "concord.Customer", related_name="payments", on_delete=fields.NO_ACTION
    )
    customer_id: object
    amount = amount_field()
    currency = fields.CharField(max_length=3)
    paid_on = fields.DateField()
    reference = fields.CharField(max_length=140, null=True)
    journal: fields.ForeignKeyRelation[Journal] = fields.ForeignKeyField(
        "concord.Journal", related_name="payments", on_delete=fields.NO_ACTION
    )
    journal_id: object

    class Meta:
        table = "finance_payments"
        indexes = (("tenant_id", "invoice_id"), ("tenant_id", "customer_id", "paid_on"))


class BankStatementLine(TenantOwnedModel):
    """One booking on a bank statement (positive money in, negative money out)."""

    statement: fields.ForeignKeyRelation[BankStatement] = fields.ForeignKeyField(
        "concord.BankStatement", related_name="lines", on_delete=fields.CASCADE
    )
    statement_id: object
    position = fields.IntField()
    booked_on = fields.DateField()
    amount = amount_field()
    counterparty = fields.CharField(max_length=200, null=True)
    remittance = fields.CharField(max_length=200, null=True)
    status = fields.CharEnumField(StatementLineStatus, max_length=16, default=StatementLineStatus.UNMATCHED)
    payment: fields.ForeignKeyNullableRelation[Payment] = fields.ForeignKeyField(
        "concord.Payment", related_name="statement_lines", null=True, on_delete=fields.NO_ACTION
    )
    payment_id: object

    class Meta:
        table = "finance_bank_statement_lines"
        unique_together = (("tenant_id", "statement_id", "position"),)
        indexes = (("tenant_id", "status"),)


class SupplierInvoice(TenantOwnedModel):
    """A bill received from a supplier, booked as expense, input VAT and a payable."""

    supplier: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "concord.Supplier", related_name="supplier_invoices", on_delete=fields.NO_ACTION
    )
    supplier_id: object
    purchase_order: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.PurchaseOrder", related_name="supplier_invoices", null=True, on_delete=fields.NO_ACTION
    )
    purchase_order_id: object
    supplier_reference = fields.CharField(max_length=64)
    currency = fields.CharField(max_length=3)
    issue_date = fields.DateField()
    due_date = fields.DateField()
    net_amount = amount_field()
    tax_amount = amount_field()
    total = amount_field()
    status = fields.CharEnumField(SupplierInvoiceStatus, max_length=16, default=SupplierInvoiceStatus.RECEIVED)
    journal: fields.ForeignKeyRelation[Journal] = fields.ForeignKeyField(
        "concord.Journal", related_name="supplier_invoices", on_delete=fields.NO_ACTION
    )
    journal_id: object
    payment_journal: fields.ForeignKeyNullableRelation[Journal] = fields.ForeignKeyField(
        "concord.Journal", related_name="supplier_payments", null=True, on_delete=fields.NO_ACTION
    )
    payment_journal_id: object

    class Meta:
        table = "finance_supplier_invoices"
        unique_together = (("tenant_id", "supplier_id", "supplier_reference"),)
        indexes = (("tenant_id", "status", "due_date"),)


class VatReturn(TenantOwnedModel):
    """VAT owed for a period in one currency, computed from the ledger and frozen when filed."""

    period_start = fields.DateField()
    period_end = fields.DateField()
    currency = fields.CharField(max_length=3)
    output_vat = amount_field()
    input_vat = amount_field()
    net_vat = amount_field()
    status = fields.CharEnumField(VatReturnStatus, max_length=16, default=VatReturnStatus.DRAFT)
    filed_at = fields.DatetimeField(null=True)
    filing_reference = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "finance_vat_returns"
        unique_together = (("tenant_id", "period_start", "period_end", "currency"),)
