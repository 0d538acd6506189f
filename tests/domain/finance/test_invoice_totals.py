"""Invoice arithmetic without a database: lines rounded per currency, tax rounded once."""

from __future__ import annotations

from decimal import Decimal

from domain.finance.reports import ageing_bucket
from domain.finance.totals import invoice_totals, line_net
from domain.money import Money


def test_invoice_total_is_lines_plus_tax_rounded_per_currency():
    eur = [
        (line_net(quantity=Decimal("3"), unit_price=Decimal("19.999"), currency="EUR"), Decimal("0.19")),
        (line_net(quantity=Decimal("1"), unit_price=Decimal("0.015"), currency="EUR"), Decimal("0.19")),
    ]
    jpy = [(line_net(quantity=Decimal("3"), unit_price=Decimal("333.333"), currency="JPY"), Decimal("0.1"))]

    euros = invoice_totals(eur, currency="EUR")
    yen = invoice_totals(jpy, currency="JPY")

    assert [net for net, _ in eur] == [Money(Decimal("60.00"), "EUR"), Money(Decimal("0.02"), "EUR")]
    assert (euros.subtotal, euros.tax, euros.total) == (
        Money(Decimal("60.02"), "EUR"),
        Money(Decimal("11.40"), "EUR"),  # 60.02 x 0.19 = 11.4038
        Money(Decimal("71.42"), "EUR"),
    )
    assert (yen.subtotal, yen.tax, yen.total) == (Money(Decimal("1000"), "JPY"), Money(Decimal("100"), "JPY"), Money(Decimal("1100"), "JPY"))


def test_tax_is_rounded_once_per_invoice_not_per_line():
    lines = [(Money(Decimal("0.10"), "EUR"), Decimal("0.25"))] * 3  # 0.025 per line
    assert invoice_totals(lines, currency="EUR").tax == Money(Decimal("0.08"), "EUR")  # 0.075 rounds half up


def test_ageing_buckets_count_days_past_the_due_date():
    from datetime import date

    due = date(2024, 1, 31)
    assert [ageing_bucket(due_date=due, as_of=date(2024, m, d)) for m, d in [(1, 31), (2, 1), (3, 1), (3, 31), (4, 30), (5, 1)]] == [
        "current", "days_1_30", "days_1_30", "days_31_60", "days_61_90", "days_over_90",
    ]
