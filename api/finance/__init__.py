"""Finance and accounting in the graph."""

from api.finance.mutations import FinanceMutation
from api.finance.queries import FinanceQuery
from api.finance.types import (
    AccountNode,
    BankStatementLineNode,
    BankStatementNode,
    InvoiceLineNode,
    InvoiceNode,
    JournalEntryNode,
    JournalNode,
    PaymentNode,
    SupplierInvoiceNode,
    VatReturnNode,
)

NODE_TYPES = [
    InvoiceNode, InvoiceLineNode, PaymentNode, AccountNode, JournalNode, JournalEntryNode, BankStatementNode, BankStatementLineNode,
    VatReturnNode, SupplierInvoiceNode,
]

__all__ = ["FinanceMutation", "FinanceQuery", "InvoiceNode", "NODE_TYPES"]
