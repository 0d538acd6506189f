"""Server-side checks of the VAT return form; errors are keyed by the field's normal name."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from infra.portals.amounts import AmountError, parse_amount
from infra.portals.tax.models import Taxpayer
from infra.portals.tax.periods import Period

PERIOD_FIELD = "vat-period"
VAT_NUMBER_FIELD = "vat-number"
OUTPUT_FIELD = "vat-output"
INPUT_FIELD = "vat-input"


def normalise_vat_number(text: str) -> str:
    return "".join(text.split()).upper()


def check_period_and_vat_number(*, period_text: str, vat_number_text: str, taxpayer: Taxpayer, today: date) -> dict[str, str]:
    """Step 1: the period must be `YYYY-MM`, ended and not yet filed; the VAT number must be the taxpayer's."""
    errors: dict[str, str] = {}
    period = Period.parse(period_text)
    if not period_text.strip():
        errors[PERIOD_FIELD] = "Please enter the tax period."
    elif period is None:
        errors[PERIOD_FIELD] = "Unknown period format. Enter the period as YYYY-MM, for example 2026-10."
    elif period >= Period.containing(today):
        errors[PERIOD_FIELD] = f"The period {period} has not ended yet. You can only file for past periods."
    elif str(period) in taxpayer.returns:
        receipt = taxpayer.returns[str(period)].receipt_number
        errors[PERIOD_FIELD] = f"A return for the period {period} has already been filed (receipt {receipt})."
    vat_number = normalise_vat_number(vat_number_text)
    if not vat_number:
        errors[VAT_NUMBER_FIELD] = "Please enter your VAT number."
    elif vat_number != taxpayer.vat_number:
        errors[VAT_NUMBER_FIELD] = "This VAT number is not registered to your account."
    return errors


def check_amounts(*, output_text: str, input_text: str) -> tuple[dict[str, Decimal], dict[str, str]]:
    """Step 2: both amounts are non-negative decimals with at most two places."""
    amounts: dict[str, Decimal] = {}
    errors: dict[str, str] = {}
    for field, text in ((OUTPUT_FIELD, output_text), (INPUT_FIELD, input_text)):
        try:
            amounts[field] = parse_amount(text)
        except AmountError as error:
            errors[field] = str(error)
    return amounts, errors
