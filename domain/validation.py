"""Input checks every area shares; each raises a DomainError naming the input field."""

from __future__ import annotations

from decimal import Decimal

from domain.errors import CommonErrorCode, DomainError
from domain.money import decimal_amount

# The largest magnitude a DecimalField(max_digits=18, decimal_places=4) column holds.
MAX_STORED = Decimal("99999999999999.9999")


def required_text(value: str | None, *, field: str, max_length: int) -> str:
    """`value` stripped, refusing empty or over-long text."""
    text = (value or "").strip()
    if not text:
        raise DomainError(CommonErrorCode.REQUIRED, f"{field.rsplit('.', 1)[-1]} must not be empty", field=field)
    if len(text) > max_length:
        raise DomainError(CommonErrorCode.TOO_LONG, f"{field.rsplit('.', 1)[-1]} is longer than {max_length} characters", field=field)
    return text


def optional_text(value: str | None, *, field: str, max_length: int) -> str | None:
    """`value` stripped, None when empty, refusing over-long text."""
    if value is None or not value.strip():
        return None
    return required_text(value, field=field, max_length=max_length)


def stored_decimal(value: Decimal | int | str, *, field: str) -> Decimal:
    """`value` as a Decimal that fits the 18,4 columns."""
    amount = decimal_amount(value, field=field)
    if abs(amount) > MAX_STORED or amount != amount.quantize(Decimal("0.0001")):
        raise DomainError(CommonErrorCode.INVALID, f"{field.rsplit('.', 1)[-1]} must fit 14 digits and 4 decimals", field=field)
    return amount


def positive_decimal(value: Decimal | int | str, *, field: str) -> Decimal:
    """`value` as a Decimal greater than zero."""
    amount = stored_decimal(value, field=field)
    if amount <= 0:
        raise DomainError(CommonErrorCode.INVALID, f"{field.rsplit('.', 1)[-1]} must be greater than zero", field=field)
    return amount


def non_negative_decimal(value: Decimal | int | str, *, field: str) -> Decimal:
    """`value` as a Decimal of zero or more."""
    amount = stored_decimal(value, field=field)
    if amount < 0:
        raise DomainError(CommonErrorCode.INVALID, f"{field.rsplit('.', 1)[-1]} must not be negative", field=field)
    return amount
