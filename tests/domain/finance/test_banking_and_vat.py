"""Finance: bank statements import once and reconcile against invoices, supplier bills book input VAT,
and VAT returns are computed from the ledger."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.crm import service as crm
from domain.errors import DomainError
from domain.finance import service as finance
from domain.finance.errors import FinanceErrorCode
from domain.finance.models import InvoiceStatus, StatementLineStatus, VatReturn, VatReturnStatus
from domain.money import Money
from domain.operations import service as operations
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import scoped

Line = finance.InvoiceLineInput
StatementLine = finance.StatementLineInput


async def issued(customer_id, amount: str, *, tax_rate: str = "0.2", on: date = date(2024, 4, 2)):
    invoice = await finance.create_invoice(
        customer_id=customer_id, currency="EUR", lines=[Line(description="Work", quantity=Decimal("1"), unit_price=Decimal(amount), tax_rate=Decimal(tax_rate))]
    )
    return await finance.issue_invoice(invoice_id=invoice.id, issue_date=on)


async def test_a_statement_must_lead_from_its_opening_to_its_closing_balance(tenant):
    async with tenant_transaction(tenant.id):
        with pytest.raises(DomainError) as error:
            await finance.import_bank_statement(
                bank_account="DE89370400440532013000", reference="2024-04", currency="EUR", statement_date=date(2024, 4, 30),
                opening_balance=Decimal("100"), closing_balance=Decimal("150"),
                lines=[StatementLine(booked_on=date(2024, 4, 3), amount=Decimal("49.99"))],
            )
    assert (error.value.code, error.value.field) == (FinanceErrorCode.STATEMENT_UNBALANCED, "closing_balance")


async def test_a_statement_is_imported_once_and_reconciled_against_open_invoices(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        first = await issued(customer.id, "100")  # 120 due
        second = await issued(customer.id, "50")  # 60 due
        statement = await finance.import_bank_statement(
            bank_account="DE89370400440532013000", reference="2024-04", currency="EUR", statement_date=date(2024, 4, 30),
            opening_balance=Decimal("1000"), closing_balance=Decimal("1147.50"),
            lines=[
                StatementLine(booked_on=date(2024, 4, 10), amount=Decimal("120"), counterparty="Northwind", remittance=f"Invoice {first.number}"),
                StatementLine(booked_on=date(2024, 4, 11), amount=Decimal("30"), remittance=f"part of {second.number.lower()}"),
                StatementLine(booked_on=date(2024, 4, 12), amount=Decimal("-2.50"), remittance="bank fee"),
            ],
        )
        with pytest.raises(DomainError) as duplicate:
            await finance.import_bank_statement(
                bank_account="DE89370400440532013000", reference="2024-04", currency="EUR", statement_date=date(2024, 4, 30),
                opening_balance=Decimal("0"), closing_balance=Decimal("0"), lines=[],
            )
        payments = await finance.reconcile_bank_statement(bank_statement_id=statement.id)
        lines = await finance.statement_lines(bank_statement_id=statement.id)
        first = await finance.get_invoice_or_raise(invoice_id=first.id)
        second = await finance.get_invoice_or_raise(invoice_id=second.id)
        [event] = await scoped(OutboxEvent).filter(event_type="finance.bank_statement_imported")
    assert duplicate.value.code is FinanceErrorCode.DUPLICATE
    assert [payment.amount for payment in payments] == [Decimal("120"), Decimal("30")]
    assert [line.status for line in lines] == [StatementLineStatus.MATCHED, StatementLineStatus.MATCHED, StatementLineStatus.UNMATCHED]
    assert first.status is InvoiceStatus.PAID and second.amount_due == Decimal("30")
    assert event.payload["line_count"] == 3


async def test_overlapping_statements_of_an_account_store_each_booking_once(tenant):
    account = "DE89370400440532013000"
    fee = StatementLine(booked_on=date(2024, 4, 12), amount=Decimal("-2.50"), counterparty="Bank", remittance="fee")
    paid = StatementLine(booked_on=date(2024, 4, 12), amount=Decimal("120"), counterparty="Northwind", remittance="INV-1")
    earlier = StatementLine(booked_on=date(2024, 4, 2), amount=Decimal("80"), counterparty="Globex", remittance="INV-2")
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        invoice = await issued(customer.id, "100")  # 120 due
        paid = StatementLine(booked_on=paid.booked_on, amount=paid.amount, counterparty=paid.counterparty, remittance=invoice.number)
        daily = await finance.import_bank_statement(
            bank_account=account, reference="2024-04-12..2024-04-12", currency="EUR", statement_date=date(2024, 4, 12),
            opening_balance=Decimal("1000"), closing_balance=Decimal("1115.00"), lines=[paid, fee, fee],  # two fees that day
        )
        await finance.reconcile_bank_statement(bank_statement_id=daily.id)
        # The ad-hoc 30 days: the same day's three bookings (in another order), one earlier, and another account's.
        monthly = await finance.import_bank_statement(
            bank_account=account, reference="2024-03-14..2024-04-12", currency="EUR", statement_date=date(2024, 4, 12),
            opening_balance=Decimal("920"), closing_balance=Decimal("1115.00"), lines=[earlier, fee, paid, fee],
        )
        other_account = await finance.import_bank_statement(
            bank_account="NL91ABNA0417164300", reference="2024-04-12..2024-04-12", currency="EUR", statement_date=date(2024, 4, 12),
            opening_balance=Decimal("0"), closing_balance=Decimal("-2.50"), lines=[fee],
        )
        monthly_payments = await finance.reconcile_bank_statement(bank_statement_id=monthly.id)
        daily_lines = await finance.statement_lines(bank_statement_id=daily.id)
        monthly_lines = await finance.statement_lines(bank_statement_id=monthly.id)
        other_lines = await finance.statement_lines(bank_statement_id=other_account.id)
        invoice = await finance.get_invoice_or_raise(invoice_id=invoice.id)
        events = {
            event.payload["bank_statement_id"]: event.payload
            for event in await scoped(OutboxEvent).filter(event_type="finance.bank_statement_imported")
        }

    assert [(line.amount, line.remittance) for line in daily_lines] == [(Decimal("120"), invoice.number), (Decimal("-2.5"), "fee"), (Decimal("-2.5"), "fee")]
    assert [(line.position, line.booked_on, line.amount, line.counterparty) for line in monthly_lines] == [(1, date(2024, 4, 2), Decimal("80"), "Globex")]
    assert len(other_lines) == 1  # another account's identical booking is its own
    assert monthly_payments == [] and invoice.status is InvoiceStatus.PAID  # paid once, by the daily statement's line
    assert (events[str(monthly.id)]["line_count"], events[str(monthly.id)]["duplicate_line_count"]) == (1, 3)
    assert (events[str(daily.id)]["line_count"], events[str(daily.id)]["duplicate_line_count"]) == (3, 0)


async def test_a_vat_return_is_computed_from_the_ledger_for_its_period(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        supplier = await operations.create_supplier(name="Acme Parts")
        await issued(customer.id, "1000", on=date(2024, 4, 2))  # 200 output VAT
        cancelled = await issued(customer.id, "500", on=date(2024, 4, 3))  # 100, reversed below
        await finance.void_invoice(invoice_id=cancelled.id, reason="duplicate", on=date(2024, 4, 4))
        await issued(customer.id, "300", on=date(2024, 7, 1))  # next quarter
        bill = await finance.record_supplier_invoice(
            supplier_id=supplier.id, supplier_reference="A-77", currency="EUR", net_amount=Decimal("400"), tax_amount=Decimal("80"),
            issue_date=date(2024, 5, 5), due_date=date(2024, 6, 5),
        )
        figures = await finance.compute_vat_return(period_start=date(2024, 4, 1), period_end=date(2024, 6, 30), currency="EUR")
        draft = await finance.prepare_vat_return(period_start=date(2024, 4, 1), period_end=date(2024, 6, 30), currency="EUR")
        filed = await finance.file_vat_return(vat_return_id=draft.id, filing_reference="TAX-2024-Q2")
        with pytest.raises(DomainError) as refiled:
            await finance.prepare_vat_return(period_start=date(2024, 4, 1), period_end=date(2024, 6, 30), currency="EUR")
        with pytest.raises(DomainError) as duplicate_bill:
            await finance.record_supplier_invoice(
                supplier_id=supplier.id, supplier_reference="A-77", currency="EUR", net_amount=Decimal("1"), tax_amount=Decimal("0"),
                issue_date=date(2024, 5, 5), due_date=date(2024, 6, 5),
            )
        [received] = await scoped(OutboxEvent).filter(event_type="finance.supplier_invoice_received")
    assert (figures.output_vat, figures.input_vat, figures.net_vat) == (
        Money(Decimal("200"), "EUR"), Money(Decimal("80"), "EUR"), Money(Decimal("120"), "EUR"),
    )
    assert (filed.status, filed.net_vat, filed.filing_reference) == (VatReturnStatus.FILED, Decimal("120"), "TAX-2024-Q2")
    assert refiled.value.code is FinanceErrorCode.VAT_RETURN_FILED
    assert duplicate_bill.value.code is FinanceErrorCode.DUPLICATE
    assert bill.total == Decimal("480") and received.payload["total"] == "480.0000"


def test_a_return_is_filed_with_both_sides_non_negative_in_the_currencys_minor_units():
    def filing(output_vat: str, input_vat: str, currency: str = "EUR") -> tuple[str, str]:
        filed = finance.vat_filing(VatReturn(currency=currency, output_vat=Decimal(output_vat), input_vat=Decimal(input_vat)))
        return filed.output_vat.plain_text(), filed.input_vat.plain_text()

    assert filing("210.0000", "12.3500") == ("210.00", "12.35")
    assert filing("1500.0000", "0.0000", "JPY") == ("1500", "0")
    # More credit notes than sales: the negative output moves to the input side, so the refund claimed is the return's net.
    assert filing("-40.0000", "25.0000") == ("0.00", "65.00")
    assert filing("30.0000", "-5.0000") == ("35.00", "0.00")
