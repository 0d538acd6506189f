"""Every workflow module; importing this registers their automations (workers/actors/events.py does)."""

from workers.automation import (  # noqa: F401
    bank_reconciliation,
    new_hire,
    order_to_invoice,
    overdue_invoices,
    scheduled,
    supplier_invoice_match,
    tenant_rules,
)
