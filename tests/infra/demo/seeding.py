"""Seeding one tenant with every area's demo data, and what a test compares: a fingerprint of its rows."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from domain.finance.models import Invoice, JournalEntry, Payment
from domain.hr.models import Salary
from domain.operations.models import StockMovement
from domain.sales.models import Deal, SalesOrder
from infra.demo.generators import AREAS, TenantPlan, generate_area
from infra.demo.generators.timeline import Timeline
from tenants.context import tenant_transaction
from tenants.export import tenant_owned_models
from tenants.ownership import scoped

AS_OF = date(2025, 6, 15)
# The tables each area must fill, even at the smallest size.
AREA_TABLES = {
    "hr": [
        "hr_departments", "hr_positions", "hr_employees", "hr_department_assignments", "hr_salaries", "hr_candidates", "hr_trainings",
        "hr_training_enrolments",
    ],
    "crm": ["crm_customers", "crm_contacts", "crm_interactions"],
    "operations": [
        "operations_suppliers", "operations_products", "operations_warehouses", "operations_stock_levels", "operations_purchase_orders",
        "operations_goods_receipts",
    ],
    "sales": ["sales_pipelines", "sales_leads", "sales_deals", "sales_deal_stage_changes", "sales_quotes", "sales_orders", "operations_shipments"],
    "marketing": ["marketing_segments", "marketing_segment_members", "marketing_campaigns", "marketing_campaign_members"],
    "service": ["service_tickets", "service_ticket_status_changes"],
    "finance": [
        "finance_accounts", "finance_journals", "finance_journal_entries", "finance_invoices", "finance_payments", "finance_bank_statements",
        "finance_bank_statement_lines", "finance_supplier_invoices", "finance_vat_returns",
    ],
    "legal": ["legal_contracts", "legal_contract_parties", "legal_obligations"],
    "it": ["it_assets", "it_asset_assignments", "it_support_requests"],
}
# Sums that change when any amount, price or quantity does.
SUMMED = [(Invoice, "total"), (Invoice, "amount_due"), (JournalEntry, "debit"), (Payment, "amount"), (StockMovement, "quantity_change"),
          (Deal, "amount"), (SalesOrder, "total"), (Salary, "amount")]


async def seed_tenant(tenant_id: uuid.UUID, *, key: str, seed: int, size: int, as_of: date = AS_OF) -> dict[str, int]:
    """Generate every area for one tenant as `seed_demo` does (`key` stands for the demo tenant's slug in
    the rng seeds); returns the progress units reported per area."""
    plan = TenantPlan(tenant_id, key, "EUR", "NL91 ABNA 0417 1643 00")
    reported = dict.fromkeys(AREAS, 0)

    def progress(area: str, units: int) -> None:
        reported[area] += units

    for area in AREAS:
        await generate_area(area, plan, seed=seed, size=size, timeline=Timeline(as_of), progress=progress)
    return reported


async def fingerprint(tenant_id: uuid.UUID) -> dict[str, object]:
    """Rows per table and a few sums of the tenant's data: equal for equal data, whatever the ids and clocks."""
    async with tenant_transaction(tenant_id):
        counts = {model._meta.db_table: await scoped(model).count() for model in tenant_owned_models()}
        sums = {
            f"{model._meta.db_table}.{field}": sum(await scoped(model).values_list(field, flat=True), Decimal(0)) for model, field in SUMMED
        }
    return {"rows": counts, "sums": sums}
