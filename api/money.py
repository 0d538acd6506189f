"""Money in the graph: a Decimal amount (a string on the wire, never a float) and its ISO 4217 currency."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from domain.money import MINOR_UNITS
from domain.money import Money as DomainMoney


def display_amount(amount: Decimal, currency: str) -> Decimal:
    """`amount` with the currency's minor units (`120.00 EUR`, `5 JPY`), or more places when it has them (a unit price)."""
    minor = Decimal(1).scaleb(-MINOR_UNITS.get(currency, 2))
    rounded = amount.quantize(minor)
    return rounded if rounded == amount else amount.normalize()


@strawberry.type(name="Money", description="An amount in one currency. `amount` is an exact decimal string, never a float.")
class Money:
    amount: Decimal
    currency: str = strawberry.field(description="ISO 4217 code, such as EUR.")

    @classmethod
    def of(cls, amount: Decimal, currency: str) -> Money:
        return cls(amount=display_amount(Decimal(amount), currency), currency=currency)

    @classmethod
    def optional(cls, amount: Decimal | None, currency: str | None) -> Money | None:
        """None when either half is missing (an asset bought at no recorded cost)."""
        return cls.of(amount, currency) if amount is not None and currency is not None else None

    @classmethod
    def from_domain(cls, money: DomainMoney) -> Money:
        return cls.of(money.amount, money.currency)



def exact_decimal(value: Decimal) -> Decimal:
    """A quantity or rate as an exact Decimal without trailing zeros (`10`, `2.5`, `0.2`), the same on every backend."""
    value = Decimal(value)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
