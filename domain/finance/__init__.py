"""Finance and accounting: invoices, payments, the double-entry ledger, bank statements, VAT, reports."""
