"""Finance: invoices are issued into the ledger, paid in their own currency, and age by due date."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from domain.crm import service as crm
from domain.errors import DomainError
from domain.finance import service as finance
from domain.finance.errors import FinanceErrorCode
from domain.finance.models import InvoiceStatus
from domain.money import Money
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import scoped

Line = finance.InvoiceLineInput


async def issued_invoice(customer_id, *, currency="EUR", amount="100", tax_rate="0.2", issue=date(2024, 1, 1), due=date(2024, 1, 31)):
    invoice = await finance.create_invoice(
        customer_id=customer_id, currency=currency, lines=[Line(description="Work", quantity=Decimal("1"), unit_price=Decimal(amount), tax_rate=Decimal(tax_rate))]
    )
    return await finance.issue_invoice(invoice_id=invoice.id, issue_date=issue, due_date=due)


async def test_invoice_total_is_lines_plus_tax_rounded_per_currency(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        invoice = await finance.create_invoice(
            customer_id=customer.id,
            currency="EUR",
            lines=[
                Line(description="Widgets", quantity=Decimal("3"), unit_price=Decimal("19.999"), tax_rate=Decimal("0.19")),
                Line(description="Handling", quantity=Decimal("1"), unit_price=Decimal("0.015"), tax_rate=Decimal("0.19")),
            ],
        )
        yen = await finance.create_invoice(
            customer_id=customer.id, currency="JPY", lines=[Line(description="Hours", quantity=Decimal("3"), unit_price=Decimal("333.333"), tax_rate=Decimal("0.1"))]
        )
    assert (invoice.subtotal, invoice.tax_total, invoice.total) == (Decimal("60.02"), Decimal("11.40"), Decimal("71.42"))
    assert (yen.subtotal, yen.tax_total, yen.total) == (Decimal("1000"), Decimal("100"), Decimal("1100"))


async def test_issuing_posts_receivable_revenue_and_vat_and_records_an_event(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        invoice = await issued_invoice(customer.id)
        entries = await finance.journal_entries(journal_id=invoice.journal_id).prefetch_related("account")
        [event] = await scoped(OutboxEvent).filter(event_type="finance.invoice_issued")
        with pytest.raises(DomainError) as again:
            await finance.issue_invoice(invoice_id=invoice.id)
    assert invoice.status is InvoiceStatus.ISSUED and invoice.amount_due == Decimal("120")
    assert [(e.account.code, e.debit, e.credit) for e in entries] == [
        ("1100", Decimal("120"), Decimal("0")),
        ("4000", Decimal("0"), Decimal("100")),
        ("2100", Decimal("0"), Decimal("20")),
    ]
    assert event.payload["total"] == "120.0000" and event.payload["customer_id"] == str(customer.id)
    assert again.value.code is FinanceErrorCode.INVOICE_NOT_DRAFT


async def test_payment_in_another_currency_is_refused(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        invoice = await issued_invoice(customer.id)
        with pytest.raises(DomainError) as error:
            await finance.record_payment(invoice_id=invoice.id, amount=Decimal("120"), currency="USD")
        balance = await finance.outstanding_balance(invoice_id=invoice.id)
    assert (error.value.code, error.value.field) == (FinanceErrorCode.CURRENCY_MISMATCH, "currency")
    assert balance == Money(Decimal("120"), "EUR")


async def test_payments_reduce_the_outstanding_balance_until_the_invoice_is_paid(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        invoice = await issued_invoice(customer.id)
        await finance.record_payment(invoice_id=invoice.id, amount=Decimal("20"), currency="EUR", paid_on=date(2024, 1, 10))
        partly = await finance.outstanding_balance(invoice_id=invoice.id)
        with pytest.raises(DomainError) as over:
            await finance.record_payment(invoice_id=invoice.id, amount=Decimal("100.01"), currency="EUR")
        await finance.record_payment(invoice_id=invoice.id, amount=Decimal("100"), currency="EUR", paid_on=date(2024, 1, 20))
        paid = await finance.get_invoice_or_raise(invoice_id=invoice.id)
        event_types = sorted(await scoped(OutboxEvent).filter(event_type__in=["finance.payment_recorded", "finance.invoice_paid"]).values_list("event_type", flat=True))
        with pytest.raises(DomainError) as void:
            await finance.void_invoice(invoice_id=invoice.id, reason="mistake")
    assert partly == Money(Decimal("100"), "EUR")
    assert (over.value.code, over.value.field) == (FinanceErrorCode.OVERPAYMENT, "amount")
    assert paid.status is InvoiceStatus.PAID and paid.amount_due == 0
    assert event_types == ["finance.invoice_paid", "finance.payment_recorded", "finance.payment_recorded"]
    assert void.value.code is FinanceErrorCode.INVOICE_NOT_ISSUED


async def test_voiding_an_issued_invoice_reverses_its_posting(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        invoice = await issued_invoice(customer.id)
        voided = await finance.void_invoice(invoice_id=invoice.id, reason="duplicate", on=date(2024, 1, 2))
        balances = {line.code: line.balance for line in await finance.trial_balance()}
        with pytest.raises(DomainError) as pay:
            await finance.record_payment(invoice_id=invoice.id, amount=Decimal("1"), currency="EUR")
    assert voided.status is InvoiceStatus.VOID and voided.amount_due == 0
    assert set(balances.values()) == {Decimal("0")}
    assert pay.value.code is FinanceErrorCode.INVOICE_NOT_ISSUED


async def test_ar_ageing_buckets_amounts_due_by_days_past_due(tenant):
    async with tenant_transaction(tenant.id):
        northwind = await crm.create_customer(name="Northwind")
        globex = await crm.create_customer(name="Globex")
        await issued_invoice(northwind.id, amount="100", tax_rate="0", due=date(2024, 6, 30))  # current
        await issued_invoice(northwind.id, amount="200", tax_rate="0", due=date(2024, 6, 1))  # 29 days
        await issued_invoice(northwind.id, amount="300", tax_rate="0", due=date(2024, 3, 1))  # 121 days
        partly_paid = await issued_invoice(globex.id, amount="400", tax_rate="0", due=date(2024, 4, 30))  # 61 days
        await finance.record_payment(invoice_id=partly_paid.id, amount=Decimal("150"), currency="EUR")
        await issued_invoice(globex.id, amount="1000", tax_rate="0", currency="JPY", due=date(2024, 5, 15))  # 46 days
        report = {(row.customer_id, row.currency): row for row in await finance.ar_ageing(as_of=date(2024, 6, 30))}
    northwind_eur = report[(northwind.id, "EUR")]
    assert (northwind_eur.current, northwind_eur.days_1_30, northwind_eur.days_over_90, northwind_eur.total) == (
        Decimal("100"), Decimal("200"), Decimal("300"), Decimal("600"),
    )
    assert report[(globex.id, "EUR")].days_61_90 == Decimal("250")
    assert report[(globex.id, "JPY")].days_31_60 == Decimal("1000")


async def test_receivables_by_customer_batches_outstanding_overdue_and_revenue(tenant):
    async with tenant_transaction(tenant.id):
        northwind = await crm.create_customer(name="Northwind")
        quiet = await crm.create_customer(name="Quiet Ltd")
        overdue = await issued_invoice(northwind.id, amount="100", due=date(2024, 1, 31))
        paid = await issued_invoice(northwind.id, amount="50", due=date(2099, 1, 31))
        await finance.record_payment(invoice_id=paid.id, amount=Decimal("60"), currency="EUR")
        await finance.create_invoice(customer_id=northwind.id, currency="EUR", lines=[Line(description="draft", quantity=Decimal("1"), unit_price=Decimal("999"))])
        kpis = await finance.receivables_by_customer(customer_ids=[northwind.id, quiet.id], as_of=date(2024, 6, 1))
    assert kpis[northwind.id].outstanding == (Money(overdue.total, "EUR"),)
    assert kpis[northwind.id].overdue_invoice_count == 1
    assert kpis[northwind.id].lifetime_revenue == (Money(Decimal("150"), "EUR"),)
    assert kpis[quiet.id] == finance.CustomerReceivables()


async def test_another_tenants_customer_id_is_not_found(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        foreign = await crm.create_customer(name="Foreign")
        foreign_invoice = await issued_invoice(foreign.id)
    async with tenant_transaction(tenant.id):
        with pytest.raises(DomainError) as customer:
            await finance.create_invoice(customer_id=foreign.id, currency="EUR", lines=[Line(description="x", quantity=Decimal("1"), unit_price=Decimal("1"))])
        with pytest.raises(DomainError) as invoice:
            await finance.record_payment(invoice_id=foreign_invoice.id, amount=Decimal("1"), currency="EUR")
        with pytest.raises(DomainError) as unknown:
            await finance.get_invoice_or_raise(invoice_id=uuid.uuid4())
    assert (customer.value.code, customer.value.field) == ("NOT_FOUND", "customer_id")
    assert (invoice.value.code, invoice.value.field) == (FinanceErrorCode.NOT_FOUND, "invoice_id")
    assert unknown.value.code is FinanceErrorCode.NOT_FOUND
