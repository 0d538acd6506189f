"""Server-side checks of the bank's statement filter and payment form; errors keyed by the field's normal name."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from infra.portals.amounts import AmountError, format_amount, parse_amount
from infra.portals.bank.iban import is_valid_iban, normalise_iban
from infra.portals.bank.models import BankAccount

DATE_FROM_FIELD = "date-from"
DATE_TO_FIELD = "date-to"
ACCOUNT_FIELD = "payment-account"
BENEFICIARY_NAME_FIELD = "beneficiary-name"
BENEFICIARY_IBAN_FIELD = "beneficiary-iban"
AMOUNT_FIELD = "payment-amount"
CURRENCY_FIELD = "payment-currency"
REFERENCE_FIELD = "payment-reference"
PAYMENT_FIELDS = (ACCOUNT_FIELD, BENEFICIARY_NAME_FIELD, BENEFICIARY_IBAN_FIELD, AMOUNT_FIELD, CURRENCY_FIELD, REFERENCE_FIELD)

CURRENCIES = ("EUR", "USD", "GBP", "CHF")
MAX_NAME_LENGTH = 70
MAX_REFERENCE_LENGTH = 140


@dataclass(frozen=True)
class DateFilter:
    date_from: date | None = None
    date_to: date | None = None


def check_date_filter(*, from_text: str, to_text: str) -> tuple[DateFilter, dict[str, str]]:
    """Dates as YYYY-MM-DD, either may be blank; an invalid filter is not applied."""
    errors: dict[str, str] = {}
    dates: dict[str, date | None] = {}
    for field, text in ((DATE_FROM_FIELD, from_text), (DATE_TO_FIELD, to_text)):
        try:
            dates[field] = date.fromisoformat(text.strip()) if text.strip() else None
        except ValueError:
            errors[field] = "Please enter a date as YYYY-MM-DD."
    if errors:
        return DateFilter(), errors
    date_from, date_to = dates[DATE_FROM_FIELD], dates[DATE_TO_FIELD]
    if date_from and date_to and date_from > date_to:
        return DateFilter(), {DATE_TO_FIELD: "The end date must not be before the start date."}
    return DateFilter(date_from, date_to), {}


def check_payment(
    values: Mapping[str, str], *, accounts: Sequence[BankAccount], available: Mapping[str, Decimal]
) -> tuple[dict[str, object], dict[str, str]]:
    """The payment's details ready for a draft, or the errors to show next to the fields."""
    errors: dict[str, str] = {}
    account = next((a for a in accounts if a.iban == values.get(ACCOUNT_FIELD, "")), None)
    if account is None:
        errors[ACCOUNT_FIELD] = "Please choose the account to pay from."
    name = " ".join(values.get(BENEFICIARY_NAME_FIELD, "").split())
    if not name:
        errors[BENEFICIARY_NAME_FIELD] = "Please enter the beneficiary's name."
    elif len(name) > MAX_NAME_LENGTH:
        errors[BENEFICIARY_NAME_FIELD] = f"The name may be at most {MAX_NAME_LENGTH} characters."
    iban = normalise_iban(values.get(BENEFICIARY_IBAN_FIELD, ""))
    if not iban:
        errors[BENEFICIARY_IBAN_FIELD] = "Please enter the beneficiary's IBAN."
    elif not is_valid_iban(iban):
        errors[BENEFICIARY_IBAN_FIELD] = "This IBAN is not valid. Please check it."
    amount = Decimal(0)
    try:
        amount = parse_amount(values.get(AMOUNT_FIELD, ""))
        if amount == 0:
            errors[AMOUNT_FIELD] = "The amount must be greater than zero."
    except AmountError as error:
        errors[AMOUNT_FIELD] = str(error)
    currency = values.get(CURRENCY_FIELD, "")
    if currency not in CURRENCIES:
        errors[CURRENCY_FIELD] = "Please choose a currency."
    elif account is not None and currency != account.currency:
        errors[CURRENCY_FIELD] = f"Payments from this account must be in {account.currency}."
    reference = values.get(REFERENCE_FIELD, "").strip()
    if len(reference) > MAX_REFERENCE_LENGTH:
        errors[REFERENCE_FIELD] = f"The reference may be at most {MAX_REFERENCE_LENGTH} characters."
    if account is not None and AMOUNT_FIELD not in errors and amount > available[account.iban]:
        errors[AMOUNT_FIELD] = (
            f"Insufficient funds: the available balance is {format_amount(available[account.iban])} {account.currency}."
        )
    details = {
        "from_iban": account.iban if account else "",
        "beneficiary_name": name,
        "beneficiary_iban": iban,
        "amount": amount,
        "currency": currency,
        "reference": reference,
    }
    return details, errors
