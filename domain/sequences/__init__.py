"""Per-tenant document numbers (INV-000001, PO-000001, ...)."""
