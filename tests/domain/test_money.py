"""Money: Decimal amounts in one ISO currency, rounded per the currency's minor units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.errors import DomainError
from domain.money import Money, MoneyErrorCode, currency_code, round_amount


def test_rounded_follows_the_currency_minor_units():
    assert Money(Decimal("10.005"), "EUR").rounded() == Money(Decimal("10.01"), "EUR")
    assert Money(Decimal("1000.5"), "JPY").rounded() == Money(Decimal("1001"), "JPY")
    assert Money(Decimal("1.0005"), "KWD").rounded() == Money(Decimal("1.001"), "KWD")
    assert round_amount(Decimal("-2.345"), "USD") == Decimal("-2.35")


def test_plain_text_has_the_currency_minor_units_and_no_exponent():
    assert Money(Decimal("210.0000"), "EUR").plain_text() == "210.00"
    assert Money(Decimal("1500.4999"), "JPY").plain_text() == "1500"
    assert Money(Decimal("1.2345"), "KWD").plain_text() == "1.235"
    assert Money(Decimal("1E+3"), "EUR").plain_text() == "1000.00"


def test_adding_two_currencies_is_refused():
    with pytest.raises(DomainError) as error:
        Money(Decimal("1"), "EUR") + Money(Decimal("1"), "USD")
    assert error.value.code is MoneyErrorCode.CURRENCY_MISMATCH


def test_same_currency_arithmetic_keeps_decimals_exact():
    total = Money.total([Money(Decimal("0.10"), "EUR")] * 3, currency="EUR")
    assert total == Money(Decimal("0.30"), "EUR")
    assert Money(Decimal("2.50"), "EUR") * 3 - Money(Decimal("0.50"), "EUR") == Money(Decimal("7.00"), "EUR")
    assert Money.total([], currency="JPY").is_zero()


def test_floats_are_never_money():
    with pytest.raises(DomainError) as error:
        Money(0.1, "EUR")  # type: ignore[arg-type]
    assert error.value.code is MoneyErrorCode.INVALID_AMOUNT
    with pytest.raises(TypeError):
        Money(Decimal("1"), "EUR") * 1.5  # type: ignore[operator]


def test_unknown_currency_codes_are_refused_with_the_field():
    assert currency_code(" eur ") == "EUR"
    with pytest.raises(DomainError) as error:
        currency_code("EURO", field="lines.0.currency")
    assert (error.value.code, error.value.field) == (MoneyErrorCode.UNKNOWN_CURRENCY, "lines.0.currency")
    with pytest.raises(DomainError):
        Money(Decimal("1"), "ABC")
