"""Invoice arithmetic, free of I/O: each line rounded, tax rounded once, total = lines + tax."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from domain.money import Money


@dataclass(frozen=True)
class InvoiceTotals:
    subtotal: Money
    tax: Money
    total: Money


def line_net(*, quantity: Decimal, unit_price: Decimal, currency: str) -> Money:
    """quantity x unit price, rounded to the currency's minor units."""
    return Money(quantity * unit_price, currency).rounded()


def invoice_totals(lines: Iterable[tuple[Money, Decimal]], *, currency: str) -> InvoiceTotals:
    """Totals of (net amount, tax rate) lines: subtotal = sum of nets, tax = sum of net x rate
    rounded once per invoice, total = subtotal + tax."""
    subtotal = Money.zero(currency)
    unrounded_tax = Money.zero(currency)
    for net, rate in lines:
        subtotal = subtotal + net
        unrounded_tax = unrounded_tax + net * rate
    tax = unrounded_tax.rounded()
    return InvoiceTotals(subtotal=subtotal, tax=tax, total=subtotal + tax)
