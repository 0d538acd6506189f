"""Money: a Decimal amount in one ISO 4217 currency, never a float."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from domain.errors import DomainError

# Minor units (digits after the decimal point) of the currencies Concord accepts.
MINOR_UNITS: dict[str, int] = {
    "AED": 2, "ARS": 2, "AUD": 2, "BGN": 2, "BHD": 3, "BRL": 2, "CAD": 2, "CHF": 2,
    "CLP": 0, "CNY": 2, "COP": 2, "CZK": 2, "DKK": 2, "EGP": 2, "EUR": 2, "GBP": 2,
    "HKD": 2, "HUF": 2, "IDR": 2, "ILS": 2, "INR": 2, "ISK": 0, "JOD": 3, "JPY": 0,
    "KES": 2, "KRW": 0, "KWD": 3, "MAD": 2, "MXN": 2, "MYR": 2, "NGN": 2, "NOK": 2,
    "NZD": 2, "OMR": 3, "PEN": 2, "PHP": 2, "PLN": 2, "QAR": 2, "RON": 2, "RSD": 2,
    "SAR": 2, "SEK": 2, "SGD": 2, "THB": 2, "TND": 3, "TRY": 2, "TWD": 2, "UAH": 2,
    "USD": 2, "VND": 0, "ZAR": 2,
}
CURRENCIES = frozenset(MINOR_UNITS)
# The precision amounts are stored with (DecimalField(max_digits=18, decimal_places=4)).
STORED = Decimal("0.0001")


class MoneyErrorCode(StrEnum):
    UNKNOWN_CURRENCY = "UNKNOWN_CURRENCY"
    CURRENCY_MISMATCH = "CURRENCY_MISMATCH"
    INVALID_AMOUNT = "INVALID_AMOUNT"


def currency_code(value: str, *, field: str = "currency") -> str:
    """`value` as an accepted ISO 4217 code, or a DomainError naming `field`."""
    code = value.strip().upper() if isinstance(value, str) else value
    if code not in CURRENCIES:
        raise DomainError(MoneyErrorCode.UNKNOWN_CURRENCY, f"{value!r} is not a supported ISO 4217 currency code", field=field)
    return code


def decimal_amount(value: Decimal | int | str, *, field: str = "amount") -> Decimal:
    """`value` as a finite Decimal; floats are refused because they cannot hold money exactly."""
    if isinstance(value, bool) or isinstance(value, float):
        raise DomainError(MoneyErrorCode.INVALID_AMOUNT, "amounts must be Decimal, int or str, never float", field=field)
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise DomainError(MoneyErrorCode.INVALID_AMOUNT, f"{value!r} is not a number", field=field) from None
    if not amount.is_finite():
        raise DomainError(MoneyErrorCode.INVALID_AMOUNT, f"{value!r} is not a finite number", field=field)
    return amount


def round_amount(amount: Decimal, currency: str) -> Decimal:
    """`amount` rounded half-up to the minor units of `currency` (2 for EUR, 0 for JPY)."""
    return amount.quantize(Decimal(1).scaleb(-MINOR_UNITS[currency]), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Money:
    """An amount in one currency. Adding or comparing two currencies is refused."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", decimal_amount(self.amount))
        if self.currency not in CURRENCIES:
            raise DomainError(MoneyErrorCode.UNKNOWN_CURRENCY, f"{self.currency!r} is not a supported ISO 4217 currency code", field="currency")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    @classmethod
    def total(cls, amounts: Iterable[Money], *, currency: str) -> Money:
        """The sum of `amounts`, all in `currency` (zero when empty)."""
        result = cls.zero(currency)
        for money in amounts:
            result = result + money
        return result

    @property
    def minor_units(self) -> int:
        return MINOR_UNITS[self.currency]

    def rounded(self) -> Money:
        """This amount rounded half-up to the currency's minor units."""
        return Money(round_amount(self.amount, self.currency), self.currency)

    def plain_text(self) -> str:
        """The amount rounded to the currency's minor units, in plain digits: `210.00` (EUR), `1500` (JPY)."""
        return f"{round_amount(self.amount, self.currency):f}"

    def _same_currency(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise DomainError(MoneyErrorCode.CURRENCY_MISMATCH, f"cannot combine {self.currency} with {other.currency}", field="currency")
        return other

    def __add__(self, other: Money) -> Money:
        other = self._same_currency(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        other = self._same_currency(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        if isinstance(factor, float | bool) or not isinstance(factor, Decimal | int):
            return NotImplemented
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        return self.amount < self._same_currency(other).amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._same_currency(other).amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._same_currency(other).amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._same_currency(other).amount

    def is_zero(self) -> bool:
        return self.amount == 0

    def is_negative(self) -> bool:
        return self.amount < 0

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"
