"""Finance enums in the graph: the domain's own enums, so a value means the same on both sides."""

from __future__ import annotations

import strawberry

from domain.finance import models

InvoiceStatus = strawberry.enum(models.InvoiceStatus, name="InvoiceStatus", description="Where an invoice stands.")
AccountType = strawberry.enum(models.AccountType, name="AccountType", description="The kind of ledger account.")
SystemAccount = strawberry.enum(
    models.SystemAccount, name="SystemAccount", description="What the services post to an account on their own (receivables, bank, VAT, …)."
)
JournalStatus = strawberry.enum(models.JournalStatus, name="JournalStatus", description="A draft journal can change; a posted one never does.")
SupplierInvoiceStatus = strawberry.enum(models.SupplierInvoiceStatus, name="SupplierInvoiceStatus", description="Whether a supplier's bill is paid.")
StatementLineStatus = strawberry.enum(
    models.StatementLineStatus, name="StatementLineStatus", description="Whether a bank statement line is matched to a payment."
)
VatReturnStatus = strawberry.enum(models.VatReturnStatus, name="VatReturnStatus", description="A filed VAT return is frozen.")
