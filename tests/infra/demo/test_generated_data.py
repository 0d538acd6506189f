"""The demo generators: the same seed makes the same data, every area gets rows, and the data keeps the
rules the domain enforces (balanced journals, stock never negative at any time, invoice totals)."""

from __future__ import annotations

import time
from collections import defaultdict
from decimal import Decimal

from domain.finance.models import Invoice, InvoiceLine, InvoiceStatus, JournalEntry, JournalStatus, Payment
from domain.finance.totals import invoice_totals
from domain.money import Money
from domain.operations.models import StockLevel, StockMovement
from domain.service.models import Ticket, TicketStatus
from domain.service.sla import Priority
from tenants.context import tenant_transaction
from tenants.ownership import scoped
from tests.conftest import make_tenant
from tests.infra.demo.seeding import AREA_TABLES, AS_OF, fingerprint, seed_tenant

QUICK_SIZE = 12
QUICK_SECONDS = 30


async def test_the_same_seed_and_size_make_the_same_data_and_another_seed_other_data(db):
    first, again, other = [await make_tenant() for _ in range(3)]
    for tenant, seed in ((first, 7), (again, 7), (other, 8)):
        await seed_tenant(tenant.id, key="acme", seed=seed, size=15)

    expected = await fingerprint(first.id)
    assert await fingerprint(again.id) == expected
    different = await fingerprint(other.id)
    assert different != expected
    assert different["sums"]["finance_invoices.total"] != expected["sums"]["finance_invoices.total"]


async def test_every_area_gets_rows_even_at_a_small_size_and_quickly(db):
    tenant = await make_tenant()
    started = time.monotonic()
    reported = await seed_tenant(tenant.id, key="globex", seed=7, size=QUICK_SIZE)
    seconds = time.monotonic() - started

    rows = (await fingerprint(tenant.id))["rows"]
    empty = {area: [table for table in tables if not rows[table]] for area, tables in AREA_TABLES.items()}
    assert {area: tables for area, tables in empty.items() if tables} == {}
    assert rows["crm_customers"] == QUICK_SIZE
    assert all(units > 0 for units in reported.values())
    assert seconds < QUICK_SECONDS


async def test_generated_data_keeps_the_rules_of_the_domain(db):
    tenant = await make_tenant()
    await seed_tenant(tenant.id, key="acme", seed=7, size=40)
    async with tenant_transaction(tenant.id):
        entries = await scoped(JournalEntry).filter(journal__status=JournalStatus.POSTED).values_list("journal_id", "debit", "credit")
        levels = await scoped(StockLevel).values_list("quantity", flat=True)
        movements = await scoped(StockMovement).order_by("moved_at", "created_at").values_list(
            "product_id", "warehouse_id", "quantity_change", "quantity_after"
        )
        invoices = await scoped(Invoice).all()
        lines = await scoped(InvoiceLine).values_list("invoice_id", "net_amount", "tax_rate")
        paid = await scoped(Payment).values_list("invoice_id", "amount")
        tickets = await scoped(Ticket).values_list("status", "priority")

    balance: dict = defaultdict(Decimal)
    for journal_id, debit, credit in entries:
        balance[journal_id] += debit - credit
    assert balance and all(value == 0 for value in balance.values())

    assert levels and min(levels) >= 0
    running: dict = defaultdict(Decimal)
    for product_id, warehouse_id, change, after in movements:
        running[(product_id, warehouse_id)] += change  # in time order: receipts come before the goods leave
        assert running[(product_id, warehouse_id)] >= 0 and after >= 0

    lines_of: dict = defaultdict(list)
    for invoice_id, net, rate in lines:
        lines_of[invoice_id].append((net, rate))
    payments_of: dict = defaultdict(Decimal)
    for invoice_id, amount in paid:
        payments_of[invoice_id] += amount
    for invoice in invoices:
        totals = invoice_totals(((Money(net, invoice.currency), rate) for net, rate in lines_of[invoice.id]), currency=invoice.currency)
        assert (invoice.subtotal, invoice.tax_total, invoice.total) == (totals.subtotal.amount, totals.tax.amount, totals.total.amount)
        if invoice.status in (InvoiceStatus.ISSUED, InvoiceStatus.PAID):
            assert invoice.amount_due == invoice.total - payments_of[invoice.id]
    statuses = {invoice.status for invoice in invoices}
    assert {InvoiceStatus.ISSUED, InvoiceStatus.PAID} <= statuses
    assert any(0 < invoice.amount_due < invoice.total for invoice in invoices)  # partly paid
    assert any(invoice.status is InvoiceStatus.ISSUED and invoice.due_date < AS_OF for invoice in invoices)  # overdue

    assert {status for status, _ in tickets} == set(TicketStatus)
    assert {priority for _, priority in tickets} == set(Priority)
